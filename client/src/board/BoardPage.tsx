import { useCallback, useEffect, useState } from 'react'
import 'tldraw/tldraw.css'
import type { Locale } from '../../../shared/locales.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { readIdentity, writeIdentity, type Identity } from '../join/identity.ts'
import { JoinForm } from '../join/JoinForm.tsx'
import { PresenterView } from '../presenter/PresenterView.tsx'
import { PresenterParticipation } from '../participation/ParticipationPanel.tsx'
import { PresenterSession } from '../session/PresenterSession.tsx'
import type { BoardViewKind } from '../routes.ts'
import { ErrorPanel } from '../ui/ErrorPanel.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { recordBoardVisit } from '../lobby/recentBoards.ts'
import { BoardView } from './BoardView.tsx'
import { IdentityDialog } from './IdentityDialog.tsx'
import { preloadBoardFonts } from './preloadFonts.ts'
import { useBoardLoad } from './useBoardLoad.ts'
import { useBoardSession } from './useBoardSession.ts'

/**
 * `/b/<id>#k=<token>`: checks the link, asks who you are the first time, then opens the board;
 * `/b/<id>?view=presenter#k=<token>` opens the presenter view instead (no identity needed).
 */
export function BoardPage(props: {
  boardId: string
  token: string | undefined
  view: BoardViewKind
  onBoardLocale: (locale: Locale) => void
}) {
  const { messages } = useI18n()
  if (!props.token) {
    return (
      <ErrorPanel message={messages.linkIncomplete}>
        <a href="/">{messages.backToLobby}</a>
      </ErrorPanel>
    )
  }
  return <BoardWithToken boardId={props.boardId} token={props.token} view={props.view} onBoardLocale={props.onBoardLocale} />
}

function BoardWithToken(props: { boardId: string; token: string; view: BoardViewKind; onBoardLocale: (locale: Locale) => void }) {
  const { messages } = useI18n()
  // The link check, the board's content and tldraw's fonts are fetched at the same time.
  const load = useBoardLoad(props.boardId, props.token)
  const { session, authorId, changeRefused, dismissChangeRefused } = useBoardSession(props.boardId, props.token)
  useEffect(() => preloadBoardFonts(document), [])
  const [identity, setIdentity] = useState<Identity | undefined>(() => readIdentity(window.localStorage))
  const [editingIdentity, setEditingIdentity] = useState(false)
  const { onBoardLocale } = props

  useEffect(() => {
    if (load.status === 'ready') onBoardLocale(load.info.locale)
  }, [load, onBoardLocale])
  // Big changes go out in parts the server accepts (whole records fit in one part).
  useEffect(() => {
    if (load.status === 'ready' && session) session.setChunkBytes(Math.max(16 * 1024, load.config.maxMessageBytes - 64 * 1024))
  }, [load, session])
  // Joining by link puts the board on this browser's list in the lobby (the link as opened, its token included).
  useEffect(() => {
    if (load.status !== 'ready' || props.view !== 'editor') return
    const { origin, pathname, hash } = window.location
    recordBoardVisit(window.localStorage, { id: load.info.id, title: load.info.title, role: load.info.role, link: `${origin}${pathname}${hash}`, lastOpened: Date.now() })
  }, [load, props.view])
  useEffect(() => {
    if (load.status === 'ready') document.title = `${load.info.title || messages.untitledBoard} – ${messages.appName}`
  }, [load, messages])

  const saveIdentity = useCallback((next: Identity) => {
    writeIdentity(window.localStorage, next)
    setIdentity(next)
    setEditingIdentity(false)
  }, [])
  const editIdentity = useCallback(() => setEditingIdentity(true), [])

  if (load.status === 'loading' || !session) {
    return (
      <main className="page page--narrow" aria-busy="true">
        <p role="status">{messages.openingBoard}</p>
      </main>
    )
  }
  if (load.status === 'failed') {
    return (
      <ErrorPanel message={messages[load.problem]}>
        <a href="/">{messages.backToLobby}</a>
      </ErrorPanel>
    )
  }
  if (props.view === 'presenter') return <PresenterView session={session} info={load.info} config={load.config} aside={<><PresenterSession doc={session.doc} /><PresenterParticipation doc={session.doc} presence={session.awareness} templateId={load.info.template} /></>} />
  const title = load.info.title || messages.untitledBoard
  if (!identity) {
    return (
      <>
        <PageHeader />
        <main className="page page--narrow">
          <JoinForm
            title={messages.joinTitle(title)}
            intro={load.info.role === 'observer' ? messages.joinIntroObserver : messages.joinIntro}
            submitLabel={messages.joinButton}
            initial={undefined}
            anonymous={load.info.anonymous}
            onSubmit={saveIdentity}
          />
        </main>
      </>
    )
  }
  return (
    <>
      <BoardView
        session={session}
        info={load.info}
        config={load.config}
        token={props.token}
        identity={identity}
        editIdentity={editIdentity}
        authorId={authorId}
        changeRefused={changeRefused}
        dismissChangeRefused={dismissChangeRefused}
      />
      {editingIdentity ? (
        <IdentityDialog identity={identity} onSave={saveIdentity} onClose={() => setEditingIdentity(false)} />
      ) : null}
    </>
  )
}
