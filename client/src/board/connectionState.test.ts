import { describe, expect, it } from 'vitest'
import { decideOnClose, retryDelayMs } from './connectionState.ts'

describe('what the client does when the server closes the board socket', () => {
  it('stops for good on a rotated link, a missing board, a full-size board or a too-big message', () => {
    expect(decideOnClose(4401)).toEqual({ action: 'stop', reason: 'linkRejected' })
    expect(decideOnClose(4403)).toEqual({ action: 'stop', reason: 'linkForbidden' })
    expect(decideOnClose(4404)).toEqual({ action: 'stop', reason: 'boardNotFound' })
    expect(decideOnClose(4413)).toEqual({ action: 'stop', reason: 'boardTooLarge' })
    expect(decideOnClose(1009)).toEqual({ action: 'stop', reason: 'messageTooBig' })
    expect(decideOnClose(4400)).toEqual({ action: 'stop', reason: 'badMessage' })
  })

  it('reloads the board from the server when the server refused a change of ours', () => {
    expect(decideOnClose(4409)).toEqual({ action: 'reset' })
  })

  it('comes back later when the board is full or the server asks to slow down', () => {
    expect(decideOnClose(4503)).toEqual({ action: 'retryLater', reason: 'boardFull' })
    expect(decideOnClose(4529)).toEqual({ action: 'retryLater', reason: 'slowDown' })
    expect(decideOnClose(4500)).toEqual({ action: 'retryLater', reason: 'serverError' })
  })

  it('reconnects at once after ordinary network closes', () => {
    expect(decideOnClose(1006)).toEqual({ action: 'reconnect' })
    expect(decideOnClose(1001)).toEqual({ action: 'reconnect' })
  })

  it('backs off exponentially with a cap and jitter', () => {
    expect(retryDelayMs(0, () => 1)).toBe(2_000)
    expect(retryDelayMs(3, () => 1)).toBe(16_000)
    expect(retryDelayMs(20, () => 1)).toBe(60_000)
    expect(retryDelayMs(0, () => 0)).toBe(1_000)
  })
})
