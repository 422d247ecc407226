import { useId } from 'react'
import { writeBoardSettings, type BoardSettings } from '../../../shared/boardDoc.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useReportText } from '../report/useReportText.ts'
import { useProtectionMessages } from './protectionMessages.ts'
import { useBoardSettings } from './useBoardSettings.ts'

type Switchable = 'deleteOwnNotesOnly' | 'exportsAllowed' | 'participantsMayMarkOutcomes'

/**
 * The facilitator's board rules: whether participants may delete only their own notes, whether
 * participants and observers may download exports, and whether participants may mark what
 * happened to notes. Written to the board's `settings` root, which only facilitators may change;
 * the server enforces each rule (the export route, the outcomes root's policy).
 */
export function BoardRules() {
  const p = useProtectionMessages()
  const { t } = useReportText()
  return (
    <div className="template-tool">
      <RuleSwitch setting="deleteOwnNotesOnly" label={p.deleteOwnOnlyLabel} hint={p.deleteOwnOnlyHint} />
      <RuleSwitch setting="exportsAllowed" label={t('exportsAllowedLabel')} hint={t('exportsAllowedHint')} />
      <RuleSwitch setting="participantsMayMarkOutcomes" label={t('participantsMayMarkLabel')} hint={t('participantsMayMarkHint')} />
    </div>
  )
}

/** One rule as a labelled switch with its explanation, live with the board's settings. */
function RuleSwitch(props: { setting: Switchable; label: string; hint: string }) {
  const { session } = useBoard()
  const settings: BoardSettings = useBoardSettings(session.doc)
  const hintId = useId()
  return (
    <>
      <label className="template-switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings[props.setting]}
          aria-describedby={hintId}
          data-setting={props.setting}
          onChange={(event) => writeBoardSettings(session.doc, { [props.setting]: event.target.checked })}
        />
        {props.label}
      </label>
      <p id={hintId} className="hint">
        {props.hint}
      </p>
    </>
  )
}
