import { useId } from 'react'
import { useValue, type Editor, type TLShapePartial } from 'tldraw'
import type { Locale } from '../../../shared/locales.ts'
import { generateExampleNoteRecords, isExampleNote } from '../../../shared/templates/generateTemplateRecords.ts'
import type { Template } from '../../../shared/templates/templateSchema.ts'
import { useTemplateMessages } from './templateMessages.ts'

/**
 * The facilitator's "Show example notes" switch. Adds the template's example notes through the
 * editor (so the Yjs binding syncs them to everyone) or removes every example note. Its state is
 * read from the board itself, so every facilitator sees the same.
 */
export function ExampleNotesToggle(props: { editor: Editor; template: Template; locale: Locale }) {
  const t = useTemplateMessages()
  const hintId = useId()
  const { editor, template, locale } = props
  // Example notes have ids `shape:<template>/example/...`: only those records are read, so notes
  // moving elsewhere on the board do not even re-run this.
  const shown = useValue(
    'example notes shown',
    () => [...editor.getCurrentPageShapeIds()].some((id) => id.includes('/example/') && isExampleNote(editor.getShape(id)!)),
    [editor],
  )
  if (template.examples.length === 0) return null

  function toggle(show: boolean) {
    editor.run(() => {
      editor.markHistoryStoppingPoint('example notes')
      if (show) {
        const notes = generateExampleNoteRecords(template, locale)
          .filter((note) => !editor.getShape(note.id))
          .map(({ typeName: _typeName, ...note }) => note as TLShapePartial)
        editor.createShapes(notes)
      } else {
        editor.deleteShapes(editor.getCurrentPageShapes().filter(isExampleNote).map((note) => note.id))
      }
    })
  }

  return (
    <div className="template-tool">
      <label className="template-switch">
        <input type="checkbox" role="switch" checked={shown} aria-describedby={hintId} onChange={(event) => toggle(event.target.checked)} />
        {t.showExamples}
      </label>
      <p id={hintId} className="hint">
        {t.showExamplesHint}
      </p>
    </div>
  )
}
