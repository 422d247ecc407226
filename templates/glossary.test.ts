import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { LOCALES, type Locale } from '../shared/locales.ts'
import { loadShippedTemplates, TEMPLATES_DIR } from '../shared/templates/testFixtures.ts'
import { PRIVATE_WRITING_MESSAGES } from '../client/src/privateWriting/privateWritingMessages.ts'

// The templates speak the field's own language (issue 9): where an English text uses a glossary
// term, every translation of that text uses the glossary's term for its language, and the words
// the glossary replaced (samproduktion in Danish, volontärer in Swedish, ...) appear nowhere.

const entry = z.strictObject({
  term: z.string().min(1),
  /** Lower-case text the check looks for: a stem, so that inflected forms count too. */
  match: z.string().min(1),
  source: z.string().min(1),
  replaces: z.array(z.string().min(1)).optional(),
})
const glossarySchema = z.strictObject({
  about: z.string(),
  terms: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      note: z.string().optional(),
      /** Template ids where the term has this meaning; the check is limited to them. */
      templates: z.array(z.string()).optional(),
      en: entry,
      da: entry,
      sv: entry,
      nb: entry,
    }),
  ),
})

const glossary = glossarySchema.parse(JSON.parse(readFileSync(join(TEMPLATES_DIR, 'glossary', 'glossary.json'), 'utf8')))
const templates = loadShippedTemplates()

// Every localized text of a template with where it is, found by walking the parsed template.
function textsOf(node: unknown, path: string): { path: string; text: Record<Locale, string> }[] {
  if (node === null || typeof node !== 'object') return []
  if ('en' in node && typeof (node as { en: unknown }).en === 'string') return [{ path, text: node as Record<Locale, string> }]
  return Object.entries(node).flatMap(([k, v]) => textsOf(v, `${path}/${k}`))
}
const allTexts = templates.flatMap((t) => textsOf(t, t.id).map((x) => ({ ...x, template: t.id })))

describe('glossary', () => {
  it('gives every term a stem that occurs in it and a source, in every language', () => {
    for (const term of glossary.terms) {
      for (const locale of LOCALES) {
        expect(term[locale].term.toLowerCase(), `${term.id} ${locale}`).toContain(term[locale].match.toLowerCase())
      }
    }
    expect(new Set(glossary.terms.map((t) => t.id)).size).toBe(glossary.terms.length)
  })

  it('is used: a text that uses a term in English uses the glossary term in da, sv and nb too', () => {
    const misses: string[] = []
    for (const term of glossary.terms) {
      for (const { path, text, template } of allTexts) {
        if (term.templates && !term.templates.includes(template)) continue
        if (!text.en.toLowerCase().includes(term.en.match.toLowerCase())) continue
        for (const locale of ['da', 'sv', 'nb'] as const) {
          if (!text[locale].toLowerCase().includes(term[locale].match.toLowerCase())) {
            misses.push(`${path} (${locale}): "${term.en.term}" should be "${term[locale].term}" — ${text[locale]}`)
          }
        }
      }
    }
    expect(misses).toEqual([])
  })

  it('leaves no replaced term in any template', () => {
    const found: string[] = []
    for (const term of glossary.terms) {
      for (const locale of LOCALES) {
        for (const replaced of term[locale].replaces ?? []) {
          for (const { path, text } of allTexts) {
            if (text[locale].toLowerCase().includes(replaced.toLowerCase())) found.push(`${path} (${locale}): "${replaced}" — ${text[locale]}`)
          }
        }
      }
    }
    expect(found).toEqual([])
  })

  it('lists the replacements issue 9 asked for', () => {
    const replaced = (locale: Locale) => glossary.terms.flatMap((t) => t[locale].replaces ?? [])
    expect(replaced('da')).toEqual(expect.arrayContaining(['samproduk', 'frivillige værdier', 'fælles bestilling']))
    expect(replaced('nb')).toEqual(expect.arrayContaining(['samproduks', 'frivillige verdier', 'levende laboratori', 'felles bestilling']))
    expect(replaced('sv')).toEqual(expect.arrayContaining(['volontär', 'gemensam beställning', 'avskräck']))
  })

  it('names consumer co-production as the user’s own co-production, not “co-creation as a user” (audit of issue 9)', () => {
    const consumer = glossary.terms.find((t) => t.id === 'consumer-co-production')!
    expect([consumer.da.term, consumer.sv.term, consumer.nb.term]).toEqual(['brugerens samskabelse', 'brukarens samproduktion', 'brukerens samskaping'])
    expect(consumer.da.replaces).toContain('samskabelse som bruger')
    expect(consumer.sv.replaces).toContain('samproduktion som brukare')
    expect(consumer.nb.replaces).toContain('samskaping som bruker')
  })

  it('cites a real source or says “translation” for every Nordic term, never the review itself', () => {
    const englishPaperOnly = /^(Frederiksen & Grubb|Agger & Tortzen|Mortensen, McMullin & Brix|Sorrentino, Sicilia & Howlett|Hoppe et al\.) \(\d{4}\)$/
    const weak = glossary.terms.flatMap((t) =>
      (['da', 'sv', 'nb'] as const).filter((l) => /issue 9 review/.test(t[l].source) || englishPaperOnly.test(t[l].source)).map((l) => `${t.id} (${l}): ${t[l].source}`),
    )
    expect(weak).toEqual([])
  })

  it('gives the app’s private-writing buttons the templates’ word for silent writing in da, sv and nb', () => {
    // English keeps “Start private writing” / “Reveal all”, the accessible names issue 11 asked for.
    const silent = glossary.terms.find((t) => t.id === 'silent-writing')!
    for (const locale of ['da', 'sv', 'nb'] as const) {
      const words = PRIVATE_WRITING_MESSAGES[locale]
      for (const key of ['heading', 'start', 'phaseOn'] as const) expect(words[key].toLowerCase(), `${locale} ${key}`).toContain(silent[locale].match)
      for (const replaced of silent[locale].replaces ?? []) expect(JSON.stringify(words).toLowerCase(), locale).not.toContain(replaced)
      // “Reveal all” publishes everyone's drafts; “Vis alle” / “Visa alla” read as “show all”.
      expect(words.revealAll, locale).not.toMatch(/^Visa? alle?$/)
    }
  })

  it('names the Swedish compelling/repelling board in the words Swedish readers use', () => {
    const t = templates.find((x) => x.id === 'compelling-repelling')!
    expect(t.title.sv).toBe('Det som lockar och det som stöter bort')
  })
})
