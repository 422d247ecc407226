import { describe, expect, it } from 'vitest'
import { CoalescedRun } from './CoalescedRun.ts'

describe('CoalescedRun', () => {
  it('runs once more after the run in progress, however often it was asked meanwhile', async () => {
    let runs = 0
    let release: () => void = () => {}
    const run = new CoalescedRun(async () => {
      runs++
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve))
    })
    const first = run.run()
    const second = run.run()
    const third = run.run()
    expect(second).toBe(first)
    expect(third).toBe(first)
    release()
    await first
    expect(runs).toBe(2)
    await run.run()
    expect(runs).toBe(3)
  })

  it('passes a failure to every caller and can run again afterwards', async () => {
    let fail = true
    const run = new CoalescedRun(async () => {
      if (fail) throw new Error('store down')
    })
    await expect(run.run()).rejects.toThrow('store down')
    fail = false
    await expect(run.run()).resolves.toBeUndefined()
  })
})
