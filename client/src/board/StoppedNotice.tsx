import { useValue } from 'tldraw'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { BoardSession } from './BoardSession.ts'

/**
 * When the server has closed the board for good (rotated link, board gone, board too large, message
 * too big) the board stays visible but a banner says why and what to do.
 */
export function StoppedNotice(props: { session: BoardSession }) {
  const { messages } = useI18n()
  const state = useValue('connection state', () => props.session.state.get(), [props.session])
  if (state.kind !== 'stopped') return null
  const text = messages[state.reason === 'badMessage' ? 'loadFailed' : state.reason]
  return (
    <div className="banner banner--error" role="alert" data-testid="connection-stopped">
      <p>{text}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {messages.reload}
      </button>
    </div>
  )
}
