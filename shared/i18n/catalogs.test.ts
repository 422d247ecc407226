import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../locales.ts'
import { STAKEHOLDER_GROUP_LABELS, STAKEHOLDER_GROUPS } from '../stakeholderGroups.ts'
import { LOCALE_NAMES } from '../locales.ts'
import { catalogProblems } from './catalogCheck.ts'
import { COMMON_MESSAGES } from './commonMessages.ts'
import { REPORT_MESSAGES } from './reportMessages.ts'
import { createTranslator, type Catalog } from './translator.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SOURCE_DIRS = ['client/src', 'shared', 'server']

/** Every source file of the app (tests left out), relative to the repository. */
function sourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(relative)
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(relative)
    }
  }
  for (const dir of SOURCE_DIRS) walk(dir)
  return files
}

// A module that defines a catalogue: a value typed as, or checked to be, a Catalog.
const DEFINES_CATALOG = /(?::\s*Catalog<[^>]*>\s*=|\}\s*satisfies\s+Catalog<)/

/** Whether a value has the shape of a catalogue: a table of strings for each of our locales. */
function isCatalog(value: unknown): value is Catalog<string> {
  if (value === null || typeof value !== 'object') return false
  const keys = Object.keys(value)
  return (
    keys.length === LOCALES.length &&
    LOCALES.every((locale) => {
      const messages = (value as Record<string, unknown>)[locale]
      return messages !== null && typeof messages === 'object' && Object.values(messages).every((m) => typeof m === 'string')
    })
  )
}

/**
 * Hand-written tables of words per locale outside the catalogues, each with the reason it may
 * stay. Anything else written as `Record<Locale, string> = {` or `Localized = {` fails the test:
 * its words would escape the checks below.
 */
const ALLOWED_LOCALE_TABLES: Record<string, string> = {
  'shared/i18n/translator.ts INTL_LOCALE': 'BCP 47 tags for Intl, not words',
  'shared/templates/templateSchema.ts LOCALE_ERROR_NAMES': 'template validation errors are English, as every API error',
}
const LOCALE_TABLE = /const (\w+)\s*:\s*(?:Record<Locale, string>|Localized|Record<\w+, Localized>)\s*=\s*\{/g

describe('message catalogues', async () => {
  // Found, not registered by hand: a catalogue added anywhere is checked without anyone adding it here.
  // A module defines one when it says so in its types, or by the naming rule (`…Messages.ts`).
  const defining = sourceFiles().filter((file) => /Messages\.ts$/.test(file) || DEFINES_CATALOG.test(fs.readFileSync(path.join(ROOT, file), 'utf8')))
  const found: Array<[string, Catalog<string>]> = []
  for (const file of defining) {
    const module = (await import(path.join(ROOT, file))) as Record<string, unknown>
    for (const [name, value] of Object.entries(module)) if (isCatalog(value)) found.push([`${file} ${name}`, value])
  }

  it('finds the catalogues of client, server and shared code by reading the sources', () => {
    expect(found.map(([name]) => name)).toEqual(expect.arrayContaining(['shared/i18n/commonMessages.ts COMMON_MESSAGES', 'shared/i18n/reportMessages.ts REPORT_MESSAGES', 'client/src/i18n/messages.ts UI_CATALOG']))
    // Every module that defines a catalogue exports it, so that it can be checked.
    const exporting = new Set(found.map(([name]) => name.split(' ')[0]))
    expect(defining.filter((file) => !exporting.has(file) && !/(translator|catalogCheck|bindCatalog|useCatalog)\.ts$/.test(file))).toEqual([])
  })

  for (const [name, catalog] of found) {
    it(`${name}: every locale has every key, none empty, each parses as ICU with English's arguments`, () => {
      expect(catalogProblems(catalog)).toEqual([])
    })
  }

  it('keeps no hand-written table of words per locale outside the catalogues', () => {
    const tables = sourceFiles().flatMap((file) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(LOCALE_TABLE)].map((m) => `${file} ${m[1]}`))
    expect(tables.filter((table) => !(table in ALLOWED_LOCALE_TABLES))).toEqual([])
  })

  it('plurals follow each language', () => {
    expect(createTranslator(REPORT_MESSAGES, 'en')('noteCount', { count: 1 })).toBe('1 note')
    expect(createTranslator(REPORT_MESSAGES, 'da')('noteCount', { count: 3 })).toBe('3 sedler')
    expect(createTranslator(REPORT_MESSAGES, 'sv')('noteCount', { count: 0 })).toBe('Inga lappar')
    expect(createTranslator(REPORT_MESSAGES, 'nb')('votesValue', { total: 1 })).toBe('1 stemme')
  })

  it('gives groups and languages their names from the shared catalogue', () => {
    expect(STAKEHOLDER_GROUPS.every((group) => LOCALES.every((locale) => STAKEHOLDER_GROUP_LABELS[group][locale].length > 0))).toBe(true)
    expect(STAKEHOLDER_GROUP_LABELS['citizen-service-user'].nb).toBe('Innbygger eller tjenestebruker')
    expect(LOCALE_NAMES).toEqual({ en: 'English', da: 'Dansk', sv: 'Svenska', nb: 'Norsk bokmål' })
    expect(createTranslator(COMMON_MESSAGES, 'da')('untitledBoard')).toBe('Tavle uden navn')
  })
})
