import type { Editor } from '@tiptap/react'
import type { Editor as BoardEditor } from 'tldraw'
import { NOTE_ZONE_KINDS } from '../../../shared/templates/templateSchema.ts'
import { boardZonesComputed } from '../board/useBoardZones.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { outlineFromSections, outlineFromZones, type OutlineSection } from './documentOutline.ts'
import { DOCUMENT_MESSAGES } from './documentMessages.ts'

/**
 * Ways to start an empty document: first the template's own sections (templates/README.md,
 * `document.sections`), then a section for each zone of the board, for templates without.
 */
export function OutlineChoices(props: { editor: Editor; boardEditor: BoardEditor | undefined; sections: OutlineSection[] | undefined }) {
  const t = useCatalog(DOCUMENT_MESSAGES)
  const { locale } = useI18n()
  const start = (outline: ReturnType<typeof outlineFromSections>) => {
    if (outline.length) props.editor.chain().focus().setContent(outline).run()
  }
  const titles = props.sections?.map((section) => section.title) ?? []
  const list = new Intl.ListFormat(locale === 'nb' ? 'nb-NO' : locale, { type: 'conjunction' }).format(titles)
  return (
    <div className="doc-pane__outlines">
      {props.sections?.length ? (
        <button type="button" className="button--primary" onClick={() => start(outlineFromSections(props.sections!))}>
          {t('startTemplateOutline', { sections: list })}
        </button>
      ) : null}
      {props.boardEditor ? (
        <button
          type="button"
          onClick={() => start(outlineFromZones(boardZonesComputed(props.boardEditor!).get().filter((zone) => NOTE_ZONE_KINDS.includes(zone.kind))))}
        >
          {t('startOutline')}
        </button>
      ) : null}
    </div>
  )
}
