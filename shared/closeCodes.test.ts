import { describe, expect, it } from 'vitest'
import { CLOSE, closeByCode, isPermanentClose } from './closeCodes.ts'

describe('close codes', () => {
  it('permanent codes stop reconnects, retry-later codes do not', () => {
    for (const name of ['badMessage', 'unauthorized', 'forbidden', 'notFound', 'changeRefused', 'boardTooLarge', 'presenceTooLarge', 'unresolvedUpdates', 'messageTooBig'] as const) {
      expect(isPermanentClose(CLOSE[name].code), name).toBe(true)
    }
    for (const name of ['boardFull', 'slowDown', 'serverError', 'goingAway', 'normal'] as const) {
      expect(isPermanentClose(CLOSE[name].code), name).toBe(false)
    }
  })

  it('codes are unique and can be looked up', () => {
    const codes = Object.values(CLOSE).map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(closeByCode(4503)).toBe('boardFull')
    expect(closeByCode(4999)).toBeUndefined()
  })
})
