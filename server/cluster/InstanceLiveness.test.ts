import { describe, expect, it } from 'vitest'
import { InstanceLiveness } from './InstanceLiveness.ts'

describe('InstanceLiveness', () => {
  it('declares an instance gone once it has been silent longer than the expiry, once', () => {
    const liveness = new InstanceLiveness(5000)
    liveness.heard('a', 0)
    liveness.heard('b', 0)
    liveness.heard('b', 4000)
    expect(liveness.sweep(5001)).toEqual(['a'])
    expect(liveness.sweep(5002)).toEqual([])
    expect(liveness.alive).toEqual(['b'])
    expect(liveness.gone('b')).toBe(true)
    expect(liveness.gone('b')).toBe(false)
  })
})
