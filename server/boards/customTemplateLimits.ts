import type { Template } from '../../shared/templates/templateSchema.ts'

/**
 * What a facilitator's own template may hold, beyond what the template format itself allows: the
 * lobby lists every template in full (title, summary, purpose, a thumbnail with every zone's
 * label), so these bound what one custom template adds to that list. The shipped templates stay
 * well inside them (at most 28 zones, labels of 113 characters, purposes of 415).
 */
export const CUSTOM_TEMPLATE_LIMITS = {
  idChars: 64,
  zones: 60,
  labelChars: 120,
  titleChars: 100,
  summaryChars: 400,
  purposeChars: 1500,
  sources: 12,
  sourceShortChars: 100,
} as const

/** Every way a template exceeds the custom-template limits, each naming where; empty when none. */
export function customTemplateProblems(template: Template): string[] {
  const limits = CUSTOM_TEMPLATE_LIMITS
  const problems: string[] = []
  const texts = (name: string, localized: Record<string, string>, max: number) => {
    for (const [locale, text] of Object.entries(localized)) {
      if (text.length > max) problems.push(`${name} › ${locale}: at most ${max} characters (this one has ${text.length})`)
    }
  }
  if (template.id.length > limits.idChars) problems.push(`id: at most ${limits.idChars} characters (this one has ${template.id.length})`)
  for (const [i, zone] of template.zones.entries()) {
    if (zone.id.length > limits.idChars) problems.push(`zones[${i}] › id: at most ${limits.idChars} characters (this one has ${zone.id.length})`)
  }
  if (template.zones.length > limits.zones) problems.push(`zones: at most ${limits.zones} zones in a custom template (this one has ${template.zones.length})`)
  texts('title', template.title, limits.titleChars)
  texts('summary', template.summary, limits.summaryChars)
  texts('purpose', template.purpose, limits.purposeChars)
  for (const [i, zone] of template.zones.entries()) texts(`zones[${i}] "${zone.id}" › label`, zone.label, limits.labelChars)
  if (template.sources.length > limits.sources) problems.push(`sources: at most ${limits.sources} (this one has ${template.sources.length})`)
  for (const [i, source] of template.sources.entries()) {
    if (source.short.length > limits.sourceShortChars) problems.push(`sources[${i}] › short: at most ${limits.sourceShortChars} characters`)
  }
  if (new Set(template.suggestedGroups).size !== template.suggestedGroups.length) problems.push('suggestedGroups: each group at most once')
  return problems
}
