import { useCallback, useEffect, useState } from 'react'
import type { Locale } from '../../../shared/locales.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { readIdentity, writeIdentity, type Identity } from '../join/identity.ts'
import { JoinForm } from '../join/JoinForm.tsx'
import { ErrorPanel } from '../ui/ErrorPanel.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { BoardView } from './BoardView.tsx'
import { IdentityDialog } from './IdentityDialog.tsx'
import { useBoardLoad } from './useBoardLoad.ts'

/** `/b/<id>#k=<token>`: checks the link, asks who you are the first time, then opens the board. */
export function BoardPage(props: { boardId: string; token: string | undefined; onBoardLocale: (locale: Locale) => void }) {
  const { messages } = useI18n()
  if (!props.token) {
    return (
      <ErrorPanel message={messages.linkIncomplete}>
        <a href="/">{messages.backToLobby}</a>
      </ErrorPanel>
    )
  }
  return <BoardWithToken boardId={props.boardId} token={props.token} onBoardLocale={props.onBoardLocale} />
}

function BoardWithToken(props: { boardId: string; token: string; onBoardLocale: (locale: Locale) => void }) {
  const { messages } = useI18n()
  const load = useBoardLoad(props.boardId, props.token)
  const [identity, setIdentity] = useState<Identity | undefined>(() => readIdentity(window.localStorage))
  const [editingIdentity, setEditingIdentity] = useState(false)
  const { onBoardLocale } = props

  useEffect(() => {
    if (load.status === 'ready') onBoardLocale(load.info.locale)
  }, [load, onBoardLocale])
  useEffect(() => {
    if (load.status === 'ready') document.title = `${load.info.title || messages.untitledBoard} – ${messages.appName}`
  }, [load, messages])

  const saveIdentity = useCallback((next: Identity) => {
    writeIdentity(window.localStorage, next)
    setIdentity(next)
    setEditingIdentity(false)
  }, [])
  const editIdentity = useCallback(() => setEditingIdentity(true), [])

  if (load.status === 'loading') {
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
            onSubmit={saveIdentity}
          />
        </main>
      </>
    )
  }
  return (
    <>
      <BoardView info={load.info} config={load.config} token={props.token} identity={identity} editIdentity={editIdentity} />
      {editingIdentity ? (
        <IdentityDialog identity={identity} onSave={saveIdentity} onClose={() => setEditingIdentity(false)} />
      ) : null}
    </>
  )
}
