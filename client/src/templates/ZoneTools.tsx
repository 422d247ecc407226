import { useState } from 'react'
import { useValue, type Editor, type TLFrameShape } from 'tldraw'
import type { Locale } from '../../../shared/locales.ts'
import { coboardMeta } from '../../../shared/templates/generateTemplateRecords.ts'
import { TEMPLATE_MESSAGES, useTemplateMessages } from './templateMessages.ts'
import { boardZones, newZoneShapes, planAddition, zoneChanges } from './zoneEditing.ts'
import { isZoneFrame } from './zoneProtection.ts'

/**
 * The facilitator's zone controls: lock or unlock all zone frames (unlocked, tldraw's own handles
 * move and resize them), and add a column or a row copied from the last one.
 */
export function ZoneTools(props: { editor: Editor; templateId: string; locale: Locale }) {
  const t = useTemplateMessages()
  const { editor, locale } = props
  const [status, setStatus] = useState('')
  // Primitive values, so that notes moving on the board do not re-render these controls.
  const frameCount = useValue('zone count', () => zoneFrames(editor).length, [editor])
  const unlocked = useValue('zones unlocked', () => zoneFrames(editor).some((frame) => !frame.isLocked), [editor])

  function setLocked(isLocked: boolean) {
    editor.run(
      () => {
        editor.markHistoryStoppingPoint('zone locks')
        editor.updateShapes(zoneFrames(editor).map((frame) => ({ id: frame.id, type: 'frame', isLocked })))
      },
      { ignoreShapeLock: true },
    )
  }

  function add(axis: 'column' | 'row') {
    // New zones are board content, so their texts use the board's language.
    const board = TEMPLATE_MESSAGES[locale]
    const texts = { label: axis === 'column' ? board.newColumnLabel : board.newRowLabel, prompt: board.newZonePrompt }
    const plan = planAddition(boardZones(editor.getCurrentPageShapes()), axis, texts)
    if (!plan) {
      setStatus(t.nothingToExtend)
      return
    }
    const templateId = zoneFrames(editor).map((frame) => coboardMeta(frame)?.template).find(Boolean) ?? props.templateId
    // New zones match the others: unlocked while the facilitator is adapting the zones.
    const shapes = newZoneShapes(templateId, plan.add, locale, { locked: !unlocked })
    editor.run(
      () => {
        editor.markHistoryStoppingPoint(`add ${axis}`)
        editor.updateShapes(zoneChanges(plan))
        editor.createShapes(shapes)
      },
      { ignoreShapeLock: true },
    )
    setStatus(t.addedZone(texts.label))
  }

  return (
    <div className="template-tool">
      <div className="template-tool__buttons">
        <button type="button" onClick={() => setLocked(unlocked)} disabled={frameCount === 0}>
          {unlocked ? t.lockZones : t.unlockZones}
        </button>
        <button type="button" onClick={() => add('column')}>
          {t.addColumn}
        </button>
        <button type="button" onClick={() => add('row')}>
          {t.addRow}
        </button>
      </div>
      <p className="hint">{t.zonesLockedHint}</p>
      <p className="hint" role="status">
        {status}
      </p>
    </div>
  )
}

// Zone frames have ids `shape:<template>/zone/<zone>` (zoneShapeId): reading only those keeps these
// controls from re-running whenever any note moves.
function zoneFrames(editor: Editor): TLFrameShape[] {
  const frames: TLFrameShape[] = []
  for (const id of editor.getCurrentPageShapeIds()) {
    if (!id.includes('/zone/')) continue
    const shape = editor.getShape(id)
    if (shape && isZoneFrame(shape)) frames.push(shape as TLFrameShape)
  }
  return frames
}
