import * as Y from 'yjs'
import { AUTHORSHIP_ROOT, contributionSchema, type Contribution } from '../../../shared/document/documentDoc.ts'
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'

/**
 * Records that this writer wrote in a section (their own entry only — the server refuses any
 * other). Returns false when the entry is already recent (within `minGapMs`), so typing does not
 * send an authorship update per keystroke.
 */
export function recordContribution(doc: Y.Doc, sectionId: string, authorId: string, contribution: Contribution, minGapMs = 30_000): boolean {
  const root = doc.getMap<unknown>(AUTHORSHIP_ROOT)
  const existing = root.get(sectionId)
  const previous = existing instanceof Y.Map ? contributionSchema.safeParse(existing.get(authorId)) : undefined
  if (
    previous?.success &&
    previous.data.group === contribution.group &&
    previous.data.name === contribution.name &&
    contribution.lastEdited - previous.data.lastEdited < minGapMs
  ) {
    return false
  }
  const entry = contributionSchema.parse(contribution)
  doc.transact(() => {
    let section = root.get(sectionId)
    if (!(section instanceof Y.Map)) {
      section = new Y.Map<unknown>()
      root.set(sectionId, section)
    }
    ;(section as Y.Map<unknown>).set(authorId, entry)
  })
  return true
}

/** Who wrote in one section: names (when the board keeps them) and groups, and how many writers. */
export interface SectionAuthors {
  writers: number
  names: string[]
  groups: StakeholderGroup[]
}

/** Who wrote in each section; an anonymous board's names are never shown, even if some were kept. */
export function authorsBySection(doc: Y.Doc, anonymous: boolean): Map<string, SectionAuthors> {
  const result = new Map<string, SectionAuthors>()
  for (const [sectionId, section] of doc.getMap<unknown>(AUTHORSHIP_ROOT)) {
    if (!(section instanceof Y.Map)) continue
    const names = new Set<string>()
    const groups = new Set<StakeholderGroup>()
    let writers = 0
    for (const value of section.values()) {
      const parsed = contributionSchema.safeParse(value)
      if (!parsed.success) continue
      writers++
      groups.add(parsed.data.group)
      if (!anonymous && parsed.data.name) names.add(parsed.data.name)
    }
    if (writers) result.set(sectionId, { writers, names: [...names].sort((a, b) => a.localeCompare(b)), groups: STAKEHOLDER_GROUPS.filter((g) => groups.has(g)) })
  }
  return result
}
