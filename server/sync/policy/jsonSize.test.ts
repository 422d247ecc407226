import { describe, expect, it } from 'vitest'
import { jsonBytesUpTo } from './jsonSize.ts'

const exact = (value: unknown) => Buffer.byteLength(JSON.stringify(value))

describe('jsonBytesUpTo', () => {
  it('says a small record is within the limit', () => {
    expect(jsonBytesUpTo({ id: 'shape:a', props: { text: 'hello', w: 200 }, meta: {} }, 1024)).toEqual({ within: true })
  })

  it('measures exactly near the limit: a value just within passes, one byte over is refused with its size', () => {
    const text = '€'.repeat(100) // 3 bytes each in UTF-8, one UTF-16 unit each
    const record = { id: 'shape:a', props: { text } }
    const size = exact(record)
    expect(jsonBytesUpTo(record, size)).toEqual({ within: true })
    expect(jsonBytesUpTo(record, size - 1)).toEqual({ within: false, bytes: size })
  })

  it('counts escapes: control characters and quotes take more bytes than they look', () => {
    const record = { text: '\u0001"\n'.repeat(50) }
    const size = exact(record)
    expect(jsonBytesUpTo(record, size - 1)).toEqual({ within: false, bytes: size })
    expect(jsonBytesUpTo(record, size)).toEqual({ within: true })
  })

  it('reports a value nested too deeply to write as unmeasurable, without overflowing the stack', () => {
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 100_000; i++) {
      const next = {}
      deep.x = next
      deep = next
    }
    expect(jsonBytesUpTo(root, 1024 * 1024)).toEqual({ within: false, bytes: undefined })
  })

  it('agrees with JSON.stringify on arrays, nulls, numbers and omitted members', () => {
    const record = { a: [1, null, 'x', true, -1.2345678901234567e-300], b: undefined, c: { d: [] } }
    const size = exact(record)
    expect(jsonBytesUpTo(record, size)).toEqual({ within: true })
    expect(jsonBytesUpTo(record, size - 1)).toEqual({ within: false, bytes: size })
  })
})
