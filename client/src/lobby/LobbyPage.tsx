import { useState } from 'react'
import type { CreatedBoard } from '../api/apiTypes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { rememberBoardLinks } from '../session/linkMemory.ts'
import { PageHeader } from '../ui/PageHeader.tsx'
import { BoardLinks } from './BoardLinks.tsx'
import { CreateBoardForm } from './CreateBoardForm.tsx'
import { recordBoardVisit } from './recentBoards.ts'
import { RecentBoards } from './RecentBoards.tsx'

/** The start page: create a board, then hand out its links. */
export function LobbyPage() {
  const { messages } = useI18n()
  const [created, setCreated] = useState<CreatedBoard>()
  return (
    <>
      <PageHeader />
      <main className="page">
        <h1>{messages.lobbyTitle}</h1>
        <p className="lead">{messages.lobbyIntro}</p>
        {/* A returning facilitator finds their boards first, above the long creation form. */}
        {created ? null : <RecentBoards />}
        {created ? (
          <BoardLinks board={created} onCreateAnother={() => setCreated(undefined)} />
        ) : (
          <CreateBoardForm
            onCreated={(board) => {
              rememberBoardLinks(window.localStorage, board.id, board.links)
              recordBoardVisit(window.localStorage, { id: board.id, title: board.title, role: 'facilitator', link: board.links.facilitator, lastOpened: Date.now() })
              setCreated(board)
            }}
          />
        )}
      </main>
    </>
  )
}
