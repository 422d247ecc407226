import { describe, expect, it } from 'vitest'
import { cursorLabel } from './cursorLabel.ts'

describe('the name tag on a cursor', () => {
  it('shows the name and the stakeholder group', () => {
    expect(cursorLabel('Anna', 'Citizen', false)).toBe('Anna · Citizen')
    expect(cursorLabel('  ', 'Citizen', false)).toBe('Citizen')
  })

  it('does not repeat the group where it already is the label (anonymous boards)', () => {
    expect(cursorLabel('Citizen', 'Citizen', true)).toBe('Citizen')
    expect(cursorLabel('Citizen', 'Citizen', false)).toBe('Citizen')
    expect(cursorLabel('Anna', undefined, false)).toBe('Anna')
    expect(cursorLabel(null, undefined, false)).toBeNull()
  })
})
