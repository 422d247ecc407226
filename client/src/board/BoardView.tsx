import { useMemo } from 'react'
import { canEditDocument } from '../../../shared/roles.ts'
import type { BoardInfo, ClientConfig } from '../api/apiTypes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Identity } from '../join/identity.ts'
import { DocumentDock } from '../document/DocumentDock.tsx'
import { BoardContext, type BoardContextValue } from './BoardContext.tsx'
import { BoardEditor } from './BoardEditor.tsx'
import type { BoardSession } from './BoardSession.ts'
import { ChangeRefusedNotice } from '../protection/ProtectionNotices.tsx'
import { StoppedNotice } from './StoppedNotice.tsx'
import { VotingProvider } from '../votes/VotingContext.tsx'
import { useContentReady } from './useBoardSession.ts'

/** Shows the board's canvas once its session has content (see useBoardSession). */
export function BoardView(props: {
  session: BoardSession
  info: BoardInfo
  config: ClientConfig
  token: string
  identity: Identity
  editIdentity: () => void
  authorId: string
  changeRefused: boolean
  dismissChangeRefused: () => void
}) {
  const { messages } = useI18n()
  const contentReady = useContentReady(props.session)
  const readOnly = !canEditDocument(props.info.role)
  const context = useMemo<BoardContextValue>(
    () => ({
      session: props.session,
      info: props.info,
      identity: props.identity,
      readOnly,
      editIdentity: props.editIdentity,
      authorId: props.authorId,
    }),
    [props.session, props.info, props.identity, readOnly, props.editIdentity, props.authorId],
  )

  if (!contentReady) {
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
        {props.changeRefused ? <ChangeRefusedNotice onDismiss={props.dismissChangeRefused} /> : null}
        <VotingProvider token={props.token}>
          <DocumentDock token={props.token}>
            <BoardEditor config={props.config} token={props.token} />
          </DocumentDock>
        </VotingProvider>
      </main>
    </BoardContext.Provider>
  )
}
