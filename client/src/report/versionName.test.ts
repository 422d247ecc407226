import { describe, expect, it } from 'vitest'
import { versionName } from './versionName.ts'

describe('versionName', () => {
  it('names a version by its date in the UI language, and its label when it has one', () => {
    const createdAt = Date.UTC(2026, 11, 7, 13, 5)
    expect(versionName('en', { createdAt, label: 'After the first workshop' })).toMatch(/^7 Dec 2026, \d\d:05 – After the first workshop$/)
    expect(versionName('da', { createdAt, label: null })).toMatch(/^7\. dec\. 2026/)
  })
})
