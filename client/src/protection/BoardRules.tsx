import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { boardHasContent, writeBoardSettings, type BoardSettings } from '../../../shared/boardDoc.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { draftCountsByGroup } from '../privateWriting/drafts.ts'
import { useReportText } from '../report/useReportText.ts'
import { ANONYMITY_MESSAGES } from './anonymityMessages.ts'
import { useProtectionMessages } from './protectionMessages.ts'
import { useBoardSettings } from './useBoardSettings.ts'

type Switchable = 'deleteOwnNotesOnly' | 'exportsAllowed' | 'participantsMayMarkOutcomes' | 'anonymous'

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
 * The facilitator's board rules: whether participants may delete only their own notes, whether
 * participants and observers may download exports, whether participants may mark what happened
 * to notes, and whether the board keeps names — that last one switchable only before anyone
 * writes. Written to the board's `settings` root, which only facilitators may change; the server
 * enforces each rule (note protection, the export route, the outcomes root's policy, and
 * anonymity refused once there is content).
 */
export function BoardRules() {
  const p = useProtectionMessages()
  const { t } = useReportText()
  return (
    <div className="template-tool">
      <RuleSwitch setting="deleteOwnNotesOnly" label={p.deleteOwnOnlyLabel} hint={p.deleteOwnOnlyHint} />
      <RuleSwitch setting="exportsAllowed" label={t('exportsAllowedLabel')} hint={t('exportsAllowedHint')} />
      <RuleSwitch setting="participantsMayMarkOutcomes" label={t('participantsMayMarkLabel')} hint={t('participantsMayMarkHint')} />
      <AnonymitySwitch />
    </div>
  )
}

/** One rule as a labelled switch with its explanation, live with the board's settings. */
function RuleSwitch(props: { setting: Switchable; label: string; hint: string; disabled?: boolean; hintTestId?: string }) {
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
          disabled={props.disabled}
          aria-describedby={hintId}
          data-setting={props.setting}
          onChange={(event) => writeBoardSettings(session.doc, { [props.setting]: event.target.checked })}
        />
        {props.label}
      </label>
      <p id={hintId} className="hint" data-testid={props.hintTestId}>
        {props.hint}
      </p>
    </>
  )
}

/** Whether the board keeps names: open before anyone writes, locked with the reason afterwards. */
function AnonymitySwitch() {
  const a = useCatalog(ANONYMITY_MESSAGES)
  const { session } = useBoard()
  const settings = useBoardSettings(session.doc)
  const written = useSomeoneHasWritten(session.doc, session.awareness)
  return (
    <RuleSwitch
      setting="anonymous"
      label={a('switchLabel')}
      hint={written ? a('switchLocked', { anonymous: String(settings.anonymous) }) : a('switchHint')}
      disabled={written}
      hintTestId="anonymity-hint"
    />
  )
}
