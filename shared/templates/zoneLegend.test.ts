import { describe, expect, it } from 'vitest'
import { legendEntries, type LegendZone } from './zoneLegend.ts'

describe('legendEntries', () => {
  it('names each colour by the zones that define it, leaving out cells that repeat a header', () => {
    const zones: LegendZone[] = [
      { id: 'compelling', kind: 'row-header', label: 'Compelling', accent: 'blue' },
      { id: 'repelling', kind: 'row-header', label: 'Repelling', accent: 'orange' },
      { id: 'citizens', kind: 'column-header', label: 'Citizens', accent: 'violet' },
      { id: 'public', kind: 'column-header', label: 'Public', accent: 'black' },
      { id: 'c1', kind: 'cell', label: 'Public · Compelling', accent: 'blue', row: 'compelling', column: 'public' },
      { id: 'c2', kind: 'cell', label: 'Citizens · Compelling', accent: 'blue', row: 'compelling', column: 'citizens' },
      { id: 'c3', kind: 'cell', label: 'Citizens · Other', accent: 'violet', row: 'other', column: 'citizens' },
      { id: 'next', kind: 'zone', label: 'Next steps', accent: 'green' },
      { id: 'sources', kind: 'reference', label: 'Sources', accent: 'grey' },
    ]
    expect(legendEntries(zones)).toEqual([
      { accent: 'blue', labels: ['Compelling'] },
      { accent: 'orange', labels: ['Repelling'] },
      { accent: 'violet', labels: ['Citizens'] },
      { accent: 'green', labels: ['Next steps'] },
    ])
  })

  it('is empty for a board without colours', () => {
    expect(legendEntries([{ id: 'a', kind: 'zone', label: 'A' }])).toEqual([])
  })
})
