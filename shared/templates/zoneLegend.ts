import type { Zone } from './templateSchema.ts'

/** Accents that carry meaning on a board (black and grey are the neutral defaults). */
export const MEANINGFUL_ACCENTS = ['blue', 'orange', 'violet', 'green'] as const
export type MeaningfulAccent = (typeof MEANINGFUL_ACCENTS)[number]

/** What the legend needs of a zone: its id, kind, label, accent and grid position. */
export type LegendZone = Pick<Zone, 'id' | 'kind' | 'row' | 'column'> & { label: string; accent?: string }

/** One line of a board's legend: a colour (with its pattern) and the zones that carry it. */
export interface LegendEntry {
  accent: MeaningfulAccent
  labels: string[]
}

/**
 * The legend of a board: for each colour used, the zones that define it, in the template's order.
 * A cell that only repeats the colour of its row or column header is left out — the header
 * already names it ("Compelling" rather than every "Compelling · …" cell).
 */
export function legendEntries(zones: readonly LegendZone[]): LegendEntry[] {
  const byId = new Map(zones.map((zone) => [zone.id, zone]))
  const entries = new Map<MeaningfulAccent, string[]>()
  for (const zone of zones) {
    const accent = MEANINGFUL_ACCENTS.find((a) => a === zone.accent)
    if (!accent) continue
    const headers = [zone.row, zone.column].map((id) => (id ? byId.get(id) : undefined))
    if (zone.kind === 'cell' && headers.some((header) => header?.accent === accent)) continue
    const labels = entries.get(accent) ?? []
    if (!labels.includes(zone.label)) labels.push(zone.label)
    entries.set(accent, labels)
  }
  return MEANINGFUL_ACCENTS.filter((accent) => entries.has(accent)).map((accent) => ({ accent, labels: entries.get(accent)! }))
}
