import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { boardHasContent, writeBoardSettings } from '../../../shared/boardDoc.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { draftCountsByGroup } from '../privateWriting/drafts.ts'
import { ANONYMITY_MESSAGES } from './anonymityMessages.ts'
import { useProtectionMessages } from './protectionMessages.ts'
import { useBoardSettings } from './useBoardSettings.ts'

/**
 * Whether anyone has written (on the board, in the document, or privately on their device, as
 * their presence says), re-checked at most twice a second: the check reads every record, and
 * this panel stays mounted while people drag notes.
 */
function useSomeoneHasWritten(doc: Y.Doc, awareness: { getStates(): Map<number, unknown>; on(e: 'change', f: () => void): void; off(e: 'change', f: () => void): void }): boolean {
  const check = () => boardHasContent(doc) || Object.keys(draftCountsByGroup(awareness.getStates().values())).length > 0
  const [written, setWritten] = useState(check)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const later = () => {
      timer ??= setTimeout(() => {
        timer = undefined
        setWritten(check())
      }, 500)
    }
    setWritten(check())
    doc.on('update', later)
    awareness.on('change', later)
    return () => {
      clearTimeout(timer)
      doc.off('update', later)
      awareness.off('change', later)
    }
  }, [doc, awareness]) // eslint-disable-line react-hooks/exhaustive-deps
  return written
}

/**
 * The facilitator's board rules: whether participants may delete only their own notes, and
 * whether the board keeps names — switchable only before anyone writes (the server enforces
 * both: the `settings` root is the facilitator's, and anonymity is refused once there is content).
 */
export function BoardRules() {
  const t = useProtectionMessages()
  const a = useCatalog(ANONYMITY_MESSAGES)
  const { session } = useBoard()
  const settings = useBoardSettings(session.doc)
  const written = useSomeoneHasWritten(session.doc, session.awareness)
  const hintId = useId()
  const anonymousHintId = useId()
  return (
    <div className="template-tool">
      <label className="template-switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.deleteOwnNotesOnly}
          aria-describedby={hintId}
          onChange={(event) => writeBoardSettings(session.doc, { deleteOwnNotesOnly: event.target.checked })}
        />
        {t.deleteOwnOnlyLabel}
      </label>
      <p id={hintId} className="hint">
        {t.deleteOwnOnlyHint}
      </p>
      <label className="template-switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.anonymous}
          disabled={written}
          aria-describedby={anonymousHintId}
          onChange={(event) => writeBoardSettings(session.doc, { anonymous: event.target.checked })}
        />
        {a('switchLabel')}
      </label>
      <p id={anonymousHintId} className="hint" data-testid="anonymity-hint">
        {written ? a('switchLocked', { anonymous: String(settings.anonymous) }) : a('switchHint')}
      </p>
    </div>
  )
}
