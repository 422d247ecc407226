import { useId } from 'react'
import { writeBoardSettings } from '../../../shared/boardDoc.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useProtectionMessages } from './protectionMessages.ts'
import { useBoardSettings } from './useBoardSettings.ts'

/**
 * The facilitator's board rules: whether participants may delete only their own notes. Written
 * to the board's `settings` root, which only facilitators may change (the server enforces it).
 */
export function BoardRules() {
  const t = useProtectionMessages()
  const { session } = useBoard()
  const settings = useBoardSettings(session.doc)
  const hintId = useId()
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
    </div>
  )
}
