import { createTLSchema } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import type { Locale } from '../../shared/locales.ts'
import { stepsFromTemplate, writeSession } from '../../shared/session/sessionState.ts'
import { generateBoardSeedRecords } from '../../shared/templates/generateTemplateRecords.ts'
import { writeRecords, writeSchema } from '../../shared/tldrawYjs/recordsDoc.ts'
import type { SeedBoard } from './BoardService.ts'
import type { TemplateCatalog } from './TemplateCatalog.ts'

/**
 * Seeds a new board with its template's records, once, on the server: the document and page
 * records, zones, labels and prompts, with deterministic ids, plus the tldraw schema they follow
 * and the session's agenda.
 * Clients that join together can therefore never seed the same board twice.
 */
export function createBoardSeeder(catalog: TemplateCatalog): SeedBoard {
  const schema = createTLSchema()
  return (doc: Y.Doc, templateId: string, locale: Locale) => {
    const template = catalog.get(templateId)
    if (!template) throw new Error(`unknown template ${templateId}`)
    const origin = { source: 'server' }
    writeSchema(doc, schema.serialize(), origin)
    writeRecords(doc, generateBoardSeedRecords(template, locale), origin, schema)
    // The live agenda starts as the template's, in the board's language; the facilitator edits it.
    writeSession(doc, { steps: stepsFromTemplate(template, locale) }, origin)
  }
}
