import { useValue } from 'tldraw'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Messages } from '../i18n/messages.ts'
import type { ConnectionState } from './connectionState.ts'
import { useBoard } from './BoardContext.tsx'

function describe(state: ConnectionState, messages: Messages): { label: string; detail?: string } {
  switch (state.kind) {
    case 'offline':
      return { label: messages.statusOffline }
    case 'connecting':
      return { label: messages.statusConnecting, detail: state.retry ? messages[state.retry === 'serverError' ? 'loadFailed' : state.retry] : undefined }
    case 'syncing':
      return { label: messages.statusSyncing }
    case 'synced':
      return { label: messages.statusSynced }
    case 'stopped':
      return { label: messages.statusStopped, detail: messages[state.reason === 'badMessage' ? 'loadFailed' : state.reason] }
  }
}

/**
 * The board's connection status: offline, connecting, catching up, up to date, or stopped with the
 * reason. A polite live region, so a screen reader announces changes without interrupting.
 */
export function ConnectionStatus() {
  const { session } = useBoard()
  const { messages } = useI18n()
  const state = useValue('connection state', () => session.state.get(), [session])
  const { label, detail } = describe(state, messages)
  return (
    <div className="connection-status" data-status={state.kind} role="status">
      {/* A check mark when up to date, a plain dot otherwise: the state is never told by colour alone. */}
      <span className="connection-status__dot" aria-hidden="true">
        {state.kind === 'synced' ? '✓' : null}
      </span>
      <span className="visually-hidden">{messages.statusLabel}: </span>
      <span className="connection-status__label">{label}</span>
      {detail ? <span className="connection-status__detail">{detail}</span> : null}
    </div>
  )
}
