import { useEffect, useMemo, useState } from 'react'
import { canEditDocument } from '../../../shared/roles.ts'
import type { BoardInfo, ClientConfig } from '../api/apiTypes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Identity } from '../join/identity.ts'
import { BoardContext, type BoardContextValue } from './BoardContext.tsx'
import { BoardEditor } from './BoardEditor.tsx'
import { browserSessionEnvironment, BoardSession } from './BoardSession.ts'
import { StoppedNotice } from './StoppedNotice.tsx'

/** Opens the board's session (cache + connection) and shows the canvas once there is content. */
export function BoardView(props: {
  info: BoardInfo
  config: ClientConfig
  token: string
  identity: Identity
  editIdentity: () => void
}) {
  const { messages } = useI18n()
  const [session, setSession] = useState<BoardSession>()
  const [contentReady, setContentReady] = useState(false)

  useEffect(() => {
    const opened = new BoardSession({
      boardId: props.info.id,
      token: props.token,
      env: browserSessionEnvironment(window),
    })
    // Marks for bench/client.ts (User Timing; no cost worth mentioning, nothing leaves the page).
    performance.mark('coboard:session-open')
    opened.start()
    setSession(opened)
    setContentReady(false)
    let current = true
    void opened.whenContentReady().then(() => {
      performance.mark('coboard:content-ready')
      if (current) setContentReady(true)
    })
    return () => {
      current = false
      opened.dispose()
    }
  }, [props.info.id, props.token])

  const readOnly = !canEditDocument(props.info.role)
  const context = useMemo<BoardContextValue | undefined>(
    () =>
      session && {
        session,
        info: props.info,
        identity: props.identity,
        readOnly,
        editIdentity: props.editIdentity,
      },
    [session, props.info, props.identity, readOnly, props.editIdentity],
  )

  if (!context || !contentReady) {
    return (
      <main className="page page--narrow" aria-busy="true">
        <p role="status">{messages.openingBoard}</p>
      </main>
    )
  }
  return (
    <BoardContext.Provider value={context}>
      <main className="board-page" aria-label={props.info.title || messages.untitledBoard}>
        <StoppedNotice session={context.session} />
        <BoardEditor config={props.config} token={props.token} />
      </main>
    </BoardContext.Provider>
  )
}
