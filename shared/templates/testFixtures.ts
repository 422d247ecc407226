import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Localized } from '../locales.ts'
import { parseTemplate, type Template } from './templateSchema.ts'

// Small valid template data for tests: a header strip, a 1×2 grid and a band with a zone inside.

/** A Localized text whose translations differ from English, for building test templates. */
export function text(en: string): Localized {
  return { en, da: `${en} (da)`, sv: `${en} (sv)`, nb: `${en} (nb)` }
}

/** A fresh, valid template object (plain JSON) that tests can break one field at a time. */
export function validTemplateJson(): Record<string, any> {
  return {
    id: 'test-board',
    title: text('Test board'),
    summary: text('A board for tests.'),
    purpose: text('Checks that the schema and generator work.'),
    sources: [{ short: 'Author (2024)', full: 'Author, A. (2024). A title. A journal 1(1), 1–2.' }],
    suggestedGroups: ['researcher'],
    durationMinutes: 15,
    agenda: [
      { id: 'write', minutes: 10, title: text('Write'), instructions: text('Everyone writes.'), zones: ['challenge'] },
      { id: 'talk', minutes: 5, title: text('Talk'), instructions: text('We talk.') },
    ],
    zones: [
      { id: 'challenge', label: text('Challenge'), prompt: text('What brings us together?'), x: 0, y: 0, w: 1000, h: 400 },
      { id: 'col-a', kind: 'column-header', label: text('Column A'), x: 400, y: 432, w: 288, h: 120 },
      { id: 'row-1', kind: 'row-header', label: text('Row 1'), x: 0, y: 584, w: 368, h: 400 },
      { id: 'col-a-row-1', kind: 'cell', row: 'row-1', column: 'col-a', label: text('A · 1'), prompt: text('Who?'), x: 400, y: 584, w: 288, h: 400 },
      { id: 'values', kind: 'reference', label: text('Values'), body: text('Equal access; participation.'), x: 720, y: 432, w: 280, h: 552 },
      { id: 'outer', kind: 'band', label: text('Outside'), prompt: text('What do citizens see?'), x: 0, y: 1016, w: 1000, h: 800 },
      { id: 'inner', label: text('Inside'), prompt: text('What do we see?'), x: 200, y: 1200, w: 600, h: 500 },
    ],
    examples: [
      { zone: 'challenge', text: text('How can fewer elderly people be lonely?') },
      { zone: 'inner', text: text('Silo structure') },
      { zone: 'outer', text: text('Long waiting times') },
    ],
  }
}

/** Directory of the shipped template files. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

/** Every shipped template, parsed; throws with the file name and errors if one is invalid. */
export function loadShippedTemplates(): Template[] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const result = parseTemplate(JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')))
      if (!result.ok) throw new Error(`${file}:\n${result.errors.join('\n')}`)
      return result.template
    })
}
