import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../shared/locales.ts'
import { generateTemplateRecords, NOTE_SIZE, ZONE_PADDING, zoneTextLayout, zoneTextRect } from '../shared/templates/generateTemplateRecords.ts'
import { agendaProblems } from '../shared/templates/agendaRules.ts'
import { rectContains, rectsOverlap, zoneHoldsNotes, type Template, type Zone } from '../shared/templates/templateSchema.ts'
import { FONT_SIZE, longestWordFits } from '../shared/templates/textLayout.ts'
import { loadShippedTemplates, TEMPLATES_DIR } from '../shared/templates/testFixtures.ts'

// The content checks a facilitator would notice: every template present and valid, every text
// translated, prompts that invite rather than order, and a layout that is readable and tidy.

const EXPECTED_IDS = [
  'blank', 'capacity-diagnosis', 'collective-author', 'compelling-repelling', 'coproduction-cycle', 'inside-outside', 'intended-actual',
  'living-lab-kickoff', 'maturity-ladder', 'power-and-mode', 'stakeholder-map',
]
const templates = loadShippedTemplates()
const raw = Object.fromEntries(
  readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(join(TEMPLATES_DIR, f), 'utf8')) as unknown]),
)
const byId = (id: string) => templates.find((t) => t.id === id) as Template
const zoneOf = (t: Template, id: string) => t.zones.find((z) => z.id === id) as Zone
/** Every text of a template in one locale, for "this word appears nowhere" checks. */
const allText = (t: Template, locale: (typeof LOCALES)[number]) =>
  JSON.stringify(t, (_k, v) => (v && typeof v === 'object' && 'en' in v && typeof v.en === 'string' ? v[locale] : v))

/** Words that are the same in English and a Scandinavian language, correctly. */
const SAME_AS_ENGLISH_ALLOWED = new Set(['Organisation'])
/** Zone grid: coordinates on an 8-unit grid, at least this much space between zones side by side. */
const GRID = 8
const GUTTER = 32

// Every Localized object in a file, with its path, found by walking the raw JSON.
function localizedTexts(node: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (node === null || typeof node !== 'object') return []
  if ('en' in node) return [{ path, text: node as Record<string, unknown> }]
  return Object.entries(node).flatMap(([k, v]) => localizedTexts(v, `${path}/${k}`))
}

describe('shipped templates', () => {
  it('are the nine templates of the content specification and the two issue 9 added, one file each, named by id', () => {
    expect(Object.keys(raw).sort()).toEqual(EXPECTED_IDS.map((id) => `${id}.json`))
    expect(templates.map((t) => t.id).sort()).toEqual(EXPECTED_IDS)
  })

  describe.each(Object.keys(raw))('%s', (file) => {
    const texts = localizedTexts(raw[file])

    it('has every text in en, da, sv and nb, none missing or empty', () => {
      const problems = texts.flatMap(({ path, text }) =>
        LOCALES.filter((l) => typeof text[l] !== 'string' || (text[l] as string).trim() === '').map((l) => `${path}: ${l}`),
      )
      expect(problems).toEqual([])
    })

    it('has real translations: da, sv and nb differ from English (except an allowlist)', () => {
      const copies = texts.flatMap(({ path, text }) =>
        (['da', 'sv', 'nb'] as const)
          .filter((l) => text[l] === text.en && !SAME_AS_ENGLISH_ALLOWED.has(text.en as string))
          .map((l) => `${path}: ${l} = "${text.en}"`),
      )
      expect(copies).toEqual([])
    })
  })

  describe.each(EXPECTED_IDS)('%s', (id) => {
    const t = byId(id)

    it('has an agenda whose minutes add up to the duration, and sources with short and full forms', () => {
      expect(t.agenda.length).toBeGreaterThan(0)
      expect(t.agenda.reduce((s, a) => s + a.minutes, 0)).toBe(t.durationMinutes)
      for (const s of t.sources) expect(s.full).toContain(s.short.split(/[ ,&(]/)[0])
      if (id !== 'blank') expect(t.sources.length).toBeGreaterThan(0)
    })

    it.each(LOCALES)('words zone prompts as questions or invitations, never as bare orders (%s)', (locale) => {
      // Sentences may describe or ask, but none may open with a command verb.
      const bossy = /^(write|list|place|add|describe|name|put|think|give|skriv|sæt|sätt|sett|placer|placera|plasser|tænk|tänk|tenk|tilføj|lägg|legg|beskriv|giv|ge|gi)\b/i
      for (const zone of t.zones.filter(zoneHoldsNotes)) {
        const prompt = zone.prompt![locale]
        expect(prompt, `${zone.id}`).toMatch(/\?/)
        for (const sentence of prompt.split(/(?<=[.?!])\s+/)) expect(sentence, `${zone.id}`).not.toMatch(bossy)
      }
    })

    it('lays zones out on an 8-unit grid with consistent gutters and no overlaps', () => {
      for (const z of t.zones) for (const v of [z.x, z.y, z.w, z.h]) expect(v % GRID, `${z.id}`).toBe(0)
      for (const a of t.zones) {
        for (const b of t.zones) {
          if (a === b || rectContains(a, b) || rectContains(b, a)) continue
          const gap = Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w), b.y - (a.y + a.h), a.y - (b.y + b.h))
          expect(gap, `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(GUTTER)
        }
      }
    })

    it.each(LOCALES)('fits each zone’s text inside it, with room for a note where notes go (%s)', (locale) => {
      for (const zone of t.zones) {
        const used = zoneTextLayout(zone, locale).height
        const needed = zoneHoldsNotes(zone) ? used + NOTE_SIZE + ZONE_PADDING : used
        expect(needed, `${zone.id}`).toBeLessThanOrEqual(zone.h)
        // A band's own text must not run under the zones inside it.
        if (zone.kind === 'band') {
          for (const inner of t.zones.filter((z) => z !== zone && rectContains(zone, z))) {
            expect(rectsOverlap(zoneTextRect(zone, locale), inner), `${zone.id} text over ${inner.id}`).toBe(false)
          }
        }
      }
    })

    it.each(LOCALES)('never splits a word: the longest word of each zone text fits its width (%s)', (locale) => {
      for (const zone of t.zones) {
        const layout = zoneTextLayout(zone, locale)
        for (const box of [layout.label, layout.prompt, layout.body]) {
          if (box) expect(longestWordFits(box.text, box.w, box.size), `${zone.id}: "${box.text}"`).toBe(true)
        }
      }
    })

    it('has an agenda that runs: silent writing first, a dot vote, the report back last, every writing step naming a zone that takes notes', () => {
      expect(agendaProblems(t)).toEqual([])
      // The report back has a zone of its own, so its plan is exported with the rest of the board.
      if (t.zones.length > 0) {
        expect(zoneHoldsNotes(zoneOf(t, 'report-back'))).toBe(true)
        expect(t.agenda.at(-1)!.zones).toContain('report-back')
      }
    })

    it('keeps zone labels readable on a 1920×1080 projector showing the whole board', () => {
      for (const includeExtensions of [false, true]) {
        const shapes = generateTemplateRecords(t, 'da', { includeExtensions }).filter((r) => r.typeName === 'shape' && r.parentId === 'page:page') as any[]
        const left = Math.min(...shapes.map((s) => s.x))
        const top = Math.min(...shapes.map((s) => s.y))
        const width = Math.max(...shapes.map((s) => s.x + (s.props.w ?? 0))) - left
        const height = Math.max(...shapes.map((s) => s.y + (s.props.h ?? 100))) - top
        const zoom = Math.min(1920 / width, 1080 / height)
        expect(FONT_SIZE.xl * zoom).toBeGreaterThanOrEqual(15)
      }
    })
  })

  it('stakeholder map: the spec’s zones and example notes are there', () => {
    const t = byId('stakeholder-map')
    const labels = t.zones.map((z) => z.label.en)
    for (const l of ['Shared challenge', 'Public organisations', 'Civil society & volunteers', 'Citizens & service users', 'Private sector', 'Knowledge institutions', 'Co-producing', 'Consulted', 'Affected, not yet involved', 'Who is missing — and why?']) {
      expect(labels).toContain(l)
    }
    expect(t.examples.map((e) => e.text.en)).toEqual(['Red Cross local branch', 'Lonely elderly people', 'Municipal elderly-care staff', 'Regional innovation strategist', 'University researchers'])
    expect(t.agenda.map((a) => a.minutes)).toEqual([3, 4, 7, 13, 10, 5, 5])
  })

  // Correction 6 (Frederiksen & Grubb, selection strategy; Sorrentino et al., self-selection).
  it('stakeholder map: "who is missing" also asks who was left out for criticising, and who only put themselves forward', () => {
    const prompt = zoneOf(byId('stakeholder-map'), 'who-is-missing').prompt!
    expect(prompt.en).toContain('Who have we left out because they criticise us?')
    expect(prompt.en).toContain('Who is here only because they put themselves forward?')
    expect(prompt.da).toMatch(/kritiserer os.*selv har meldt sig/)
    expect(prompt.sv).toMatch(/kritiserar oss.*själva har anmält sig/)
    expect(prompt.nb).toMatch(/kritiserer oss.*selv meldte seg/)
  })

  it('compelling/repelling: values panel is reference-only, the service-user column is an extension that says why', () => {
    const t = byId('compelling-repelling')
    const values = t.zones.find((z) => z.id === 'values-at-stake')!
    expect(values.kind).toBe('reference')
    expect(values.body!.en).toMatch(/equal access.*authenticity/s)
    const ext = t.zones.filter((z) => z.extension)
    expect(ext.map((z) => z.id)).toContain('citizen-side')
    expect(ext.every((z) => z.column === 'citizen-side' || z.id === 'citizen-side')).toBe(true)
    const note = t.zones.find((z) => z.id === 'citizen-side')!.prompt!
    expect(note.en).toMatch(/no data from service users/)
    expect(note.da).toMatch(/ingen data fra brugere/)
    expect(note.sv).toMatch(/inga data från brukare/)
    expect(note.nb).toMatch(/ingen data fra tjenestebrukere/)
    expect(t.agenda.map((a) => a.minutes)).toEqual([5, 7, 10, 5, 10, 5, 5])
    // A board made without the extension has no service-user column, so no step may point at it.
    const extIds = new Set(ext.map((z) => z.id))
    expect(t.agenda.flatMap((a) => a.zones ?? []).filter((id) => extIds.has(id))).toEqual([])
  })

  // Correction 5: coping strategies belong to the side that uses them, each glossed in one line.
  it('compelling/repelling: each side’s coping strategies stand in its own column, one plain line each', () => {
    const t = byId('compelling-repelling')
    const strategies = (id: string) => zoneOf(t, id).body!.en.split('\n').map((line) => line.split(':')[0])
    expect(strategies('public-side-coping')).toEqual(['Selection', 'Individualisation', 'Service separation'])
    expect(strategies('voluntary-side-coping')).toEqual(['Depoliticisation', 'Symbolic compensation'])
    expect(zoneOf(t, 'public-side-coping').body!.en).toMatch(/care but not criticism/)
    expect(zoneOf(t, 'voluntary-side-coping').body!.en).toMatch(/recognition instead of influence/)
    for (const id of ['public-side-coping', 'voluntary-side-coping']) {
      const body = zoneOf(t, id).body!
      for (const locale of LOCALES) {
        const lines = body[locale].split('\n')
        expect(lines.length, `${id} ${locale}`).toBe(body.en.split('\n').length)
        for (const line of lines) expect(line, `${id} ${locale}`).toMatch(/^[^:]+: \S/)
      }
    }
    // Frederiksen & Grubb: "directly recruiting individual volunteers without involving the overarching voluntary organizations".
    expect(zoneOf(t, 'public-side-coping').body!.en).toMatch(/recruiting single volunteers directly, bypassing the associations/)
    // The row header no longer lists the strategies as one flat list.
    expect(zoneOf(t, 'coping').body!.en).not.toMatch(/Selection/)
  })

  it('compelling/repelling: universality and voice and critique are among the values, and boards default to anonymous', () => {
    const t = byId('compelling-repelling')
    const body = zoneOf(t, 'values-at-stake').body!
    expect(body.en).toMatch(/Public values: universality,.*\nVoluntary values: participation, voice and critique,/s)
    expect(body.da).toMatch(/universalitet.*Frivillighedens værdier: .*stemme og kritik/s)
    expect(body.sv).toMatch(/universalitet.*Ideella värden: .*röst och kritik/s)
    expect(body.nb).toMatch(/universalitet.*Frivillighetens verdier: .*stemme og kritikk/s)
    // Both sides write critical episodes about each other.
    expect(t.defaultAnonymous).toBe(true)
  })

  it('intended vs actual: the scale is a band holding the four co-production levels, in order', () => {
    const t = byId('intended-actual')
    const scale = t.zones.find((z) => z.id === 'involvement-scale')!
    expect(scale.kind).toBe('band')
    const steps = t.zones.filter((z) => z !== scale && rectContains(scale, z)).sort((a, b) => a.x - b.x)
    expect(steps.map((s) => s.label.en)).toEqual(['Consumer co-production', 'Strategic (participative) co-production', 'Enhanced co-production', 'Networked co-production'])
    expect(t.agenda.map((a) => a.minutes)).toEqual([7, 10, 8, 5, 10, 5, 5])
  })

  // Correction 4.
  it('intended vs actual: networked co-production is credited to Hoppe et al., enhanced means users drive change, citizens are asked as citizens', () => {
    const t = byId('intended-actual')
    for (const locale of LOCALES) {
      expect(zoneOf(t, 'networked').prompt![locale], locale).toMatch(/^Hoppe/)
      expect(t.notice![locale], locale).toMatch(/Osborne & Strokosch.*Hoppe/)
    }
    expect(zoneOf(t, 'networked').prompt!.en).toMatch(/citizens and others lead; the public organisation is one partner, not in charge/)
    const enhanced = zoneOf(t, 'enhanced').prompt!
    expect(enhanced.en).toMatch(/Users drive change and challenge the service’s overall design/)
    expect(enhanced.da).toMatch(/udfordrer/)
    expect(enhanced.sv).toMatch(/utmanar/)
    expect(enhanced.nb).toMatch(/utfordrer/)
    expect(`${enhanced.en} ${enhanced.da} ${enhanced.sv} ${enhanced.nb}`).not.toMatch(/renew|fornyer|förnyar/i)
    expect(zoneOf(t, 'intended-citizens').prompt!.en).toBe('What were you promised, and did you hear where your input mattered?')
    expect(zoneOf(t, 'intended-citizens').prompt!.da).not.toBe(zoneOf(t, 'intended-politicians').prompt!.da)
  })

  // Corrections 1 and 3 (Mortensen, McMullin & Brix, "Co-production maturity").
  it('maturity ladder: five stages from ad hoc (bottom) to culture (top); ad hoc is one stage in two cells; stages can be skipped', () => {
    const t = byId('maturity-ladder')
    const stages = t.zones.filter((z) => z.kind === 'row-header').sort((a, b) => b.y - a.y)
    expect(stages.map((r) => r.label.en)).toEqual(['Ad hoc facilitation', 'Pilot projects', 'Projects', 'Programmes', 'Culture'])
    expect(t.notice?.en).toMatch(/need not climb rung by rung/)
    const forms = t.zones.filter((z) => z.row === 'ad-hoc' && z.column === 'now')
    expect(forms.map((z) => z.id)).toEqual(['now-ad-hoc-individual', 'now-ad-hoc-collective'])
    // The individual form is street-level discretion, not a lone enthusiast.
    expect(forms[0].prompt!.en).toMatch(/use their discretion to adjust a service to a citizen’s wishes, capacities and strengths/)
    for (const locale of LOCALES) expect(allText(t, locale)).not.toMatch(/enthusiast|ildsjæl|eldsjäl|ildsjel/i)
    // Swedish "stegen" is both "the ladder" and "the steps": name the ladder in full.
    expect(allText(t, 'sv')).not.toMatch(/Stegen har|tittar på stegen/)
    // Both forms sit side by side in the stage's single row.
    expect(forms[0].y).toBe(forms[1].y)
    expect(forms[0].h).toBe(zoneOf(t, 'ad-hoc').h)
  })

  // Correction 2: the filtering task is about why it worked, "and not 'what was done'".
  it('maturity ladder: the evidence column asks why it worked — which mechanism — and who is responsible', () => {
    const t = byId('maturity-ladder')
    const why = zoneOf(t, 'why')
    expect(why.prompt!.en).toBe('Why did it work — which mechanism (trust, relationships)? Who is responsible?')
    const asksWhy = { en: /^Why did it work/, da: /^Hvorfor virkede det/, sv: /^Varför fungerade det/, nb: /^Hvorfor virket det/ }
    for (const z of [why, ...t.zones.filter((z) => z.column === 'why')]) {
      for (const locale of LOCALES) expect(z.prompt![locale], `${z.id} ${locale}`).toMatch(asksWhy[locale])
    }
    expect(t.zones.filter((z) => z.column === 'why')).toHaveLength(5)
  })

  it('maturity ladder: the managerial-tasks step writes into a zone that takes notes, beside the locked panel', () => {
    const t = byId('maturity-ladder')
    const step = t.agenda.find((s) => s.id === 'managerial-tasks')!
    expect(zoneOf(t, 'managerial-tasks').kind).toBe('reference')
    expect(step.zones!.filter((id) => zoneHoldsNotes(zoneOf(t, id)))).toEqual(['managers-next'])
  })

  // Correction 7 (Agger & Tortzen).
  it('inside/outside: the informal leader and bridge builder, three ways of co-producing, and an outer band marked as an extension', () => {
    const t = byId('inside-outside')
    const band = t.zones.find((z) => z.kind === 'band')!
    expect(band.label.en).toBe('Co-production on the outside')
    const grid = t.zones.filter((z) => ['column-header', 'row-header', 'cell'].includes(z.kind))
    for (const z of grid) expect(rectContains(band, z), z.id).toBe(true)
    expect(band.prompt!.en).toMatch(/^An extension beyond the study, which interviewed public professionals only/)
    expect(band.prompt!.da).toMatch(/^En udvidelse/)
    expect(band.prompt!.sv).toMatch(/^Ett tillägg/)
    expect(band.prompt!.nb).toMatch(/^En utvidelse/)
    expect(zoneOf(t, 'individual').prompt!.en).toMatch(/informal leader and bridge builder between citizen and system, handling cross-pressures/)
    const panel = zoneOf(t, 'three-ways')
    expect(panel.kind).toBe('reference')
    expect(panel.body!.en.split('\n').map((l) => l.split(':')[0])).toEqual(['Co-management', 'Empowerment', 'Coordination', 'Political anchoring'])
    expect(rectsOverlap(panel, band)).toBe(false)
  })

  // Correction 8 (Sorrentino et al., "Traditional and non-traditional co-production").
  it('co-production cycle: regular producers apart from lay actors; every cell asks how — face to face or online, alone or as a group', () => {
    const t = byId('coproduction-cycle')
    const rows = t.zones.filter((z) => z.kind === 'row-header').sort((a, b) => a.y - b.y)
    expect(rows[0].label.en).toBe('Regular producers')
    expect(rows[0].prompt!.en).toMatch(/staff and contracted providers/)
    for (const r of rows.slice(1)) expect(r.label.en).toMatch(/^Lay actors: /)
    const cells = t.zones.filter((z) => z.kind === 'cell')
    expect(cells).toHaveLength(16)
    for (const locale of LOCALES) expect(new Set(cells.map((c) => c.prompt![locale])).size).toBe(1)
    expect(cells[0].prompt!.en).toBe('Who takes part here today, and how: face to face or online, alone or as a group?')
  })

  // Correction 9 (Nesti, as summarised by Sorrentino et al., "Co-production and social innovation").
  it('living-lab kickoff: credits Nesti and asks about political sponsorship, insights into the host organisations and evaluation', () => {
    const t = byId('living-lab-kickoff')
    expect(t.sources.map((s) => s.short)).toEqual(['Nesti (2018)', 'Sorrentino, Sicilia & Howlett (2018)', 'Hoppe et al. (2024)'])
    expect(t.sources[0].full).toMatch(/as summarised in: Sorrentino/)
    for (const locale of LOCALES) expect(t.purpose[locale], locale).toMatch(/Nesti/)
    for (const id of ['political-sponsorship', 'host-organisations', 'evaluation', 'coordination']) {
      expect(zoneHoldsNotes(zoneOf(t, id)), id).toBe(true)
      expect(t.agenda.some((s) => s.zones?.includes(id)), id).toBe(true)
    }
  })

  // Nesti's second finding (Sorrentino et al.: "the civil servants who coordinate the Labs need to
  // have open minds and a flexible approach to problem-solving, particularly in their relations
  // with other public bodies"), which the audit found missing.
  it('living-lab kickoff: asks who coordinates the lab and what keeps them open-minded and flexible, also with other public bodies', () => {
    const t = byId('living-lab-kickoff')
    const coordination = zoneOf(t, 'coordination')
    expect(coordination.prompt!.en).toMatch(/Which civil servants coordinate the lab\?.*open mind and a flexible approach to problem-solving — also with other public bodies\?/)
    expect(coordination.prompt!.da).toMatch(/embedsfolk.*åbent sind og en fleksibel tilgang/)
    expect(coordination.prompt!.sv).toMatch(/tjänstepersoner.*öppna och flexibla/)
    expect(coordination.prompt!.nb).toMatch(/offentlig ansatte.*åpne og fleksible/)
    expect(t.purpose.en).toMatch(/civil servants who coordinate a lab need open minds and a flexible approach/)
    expect(t.agenda.find((s) => s.id === 'after-launch')!.zones).toContain('coordination')
    // Danish says living lab (living lab’et), not laboratorium, as Danish public bodies do.
    expect(allText(t, 'da')).not.toMatch(/laboratori/i)
  })

  // Correction 10 (Hoppe et al., "Research Design, Method, and Material" and "Closing Comments").
  it('collective author: warns of self-censorship and different time horizons, invites citizens, claims no antidote', () => {
    const t = byId('collective-author')
    const warnings = zoneOf(t, 'warnings')
    expect(warnings.kind).toBe('reference')
    expect(warnings.body!.en).toMatch(/“should mirror the official view”/)
    expect(warnings.body!.en).toMatch(/“A year is nothing for an academic but close to an eternity for a civil servant\.”/)
    expect(zoneHoldsNotes(zoneOf(t, 'citizens'))).toBe(true)
    expect(t.agenda.some((s) => s.zones?.includes('citizens'))).toBe(true)
    expect(t.notice!.en).toMatch(/included citizens/)
    for (const locale of LOCALES) expect(allText(t, locale)).not.toMatch(/antidote|modgift|motmedel|motgift/i)
  })

  // Hoppe et al., Figures 1–2: stance (command → collaboration) against mode (consumer → networked).
  it('power and mode: stance rows from collaboration (top) to command (bottom), modes from consumer to networked, a cell for each pair', () => {
    const t = byId('power-and-mode')
    const cols = t.zones.filter((z) => z.kind === 'column-header').sort((a, b) => a.x - b.x)
    const rows = t.zones.filter((z) => z.kind === 'row-header').sort((a, b) => a.y - b.y)
    expect(cols.map((c) => c.label.en)).toEqual(['Consumer co-production', 'Strategic (participative) co-production', 'Enhanced co-production', 'Networked co-production'])
    expect(rows.map((r) => r.label.en)).toEqual(['Collaboration', 'Cooperation', 'Coordination', 'Command'])
    for (const c of cols) for (const r of rows) expect(t.zones.filter((z) => z.column === c.id && z.row === r.id), `${c.id} ${r.id}`).toHaveLength(1)
    expect(zoneOf(t, 'control').label.en).toBe('How much control will we give up?')
    expect(t.sources.map((s) => s.short)).toEqual(['Hoppe et al. (2024)'])
    // Figure 2 ("Mark 2") adds co-production and co-creation after collaboration (Hoppe et al., Discussion).
    expect(t.notice!.en).toMatch(/Figure 2 goes beyond collaboration to co-production and co-creation/)
    for (const locale of LOCALES) expect(t.notice![locale], locale).toMatch(/(Figure|Figur) 2/)
  })

  // Sorrentino et al., "Co-production and organizational capacities" (after Howlett & Ramesh).
  it('capacity diagnosis: analytical, operational and political capacity at the individual, organisational and systemic level', () => {
    const t = byId('capacity-diagnosis')
    const cols = t.zones.filter((z) => z.kind === 'column-header').sort((a, b) => a.x - b.x)
    const rows = t.zones.filter((z) => z.kind === 'row-header').sort((a, b) => a.y - b.y)
    expect(cols.map((c) => c.label.en)).toEqual(['Analytical capacity', 'Operational capacity', 'Political capacity'])
    expect(rows.map((r) => r.label.en)).toEqual(['Individual level', 'Organisational level', 'Systemic level'])
    for (const c of cols) for (const r of rows) expect(t.zones.filter((z) => z.column === c.id && z.row === r.id), `${c.id} ${r.id}`).toHaveLength(1)
    expect(t.sources.map((s) => s.short)).toEqual(['Sorrentino, Sicilia & Howlett (2018)', 'Howlett & Ramesh (2017)'])
    expect(t.sources[1].full).toMatch(/Howlett, M\., Ramesh, M\. \(2017\)/)
  })

  // The board prints each source's short form under the title, whatever the board's language:
  // names and a year only, no English words ("after", "as summarised by") on a Danish board.
  it('short source lines are names and a year, in no language', () => {
    for (const t of templates) {
      for (const source of t.sources) {
        expect(source.short, t.id).toMatch(/^[^()]+ \(\d{4}\)$/)
        expect(source.short, t.id).not.toMatch(/\b(after|as|by|in|summarised|from)\b/i)
      }
    }
  })

  it('only compelling/repelling defaults to anonymous boards', () => {
    expect(templates.filter((t) => t.defaultAnonymous).map((t) => t.id)).toEqual(['compelling-repelling'])
  })
})
