import { describe, expect, it } from 'vitest'
import { authorIdFor } from '../../../shared/policy/boardRules.ts'
import { authorIdOnBoard, authorSecret } from './authorKey.ts'

function memoryStorage() {
  const map = new Map<string, string>()
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) }
}

describe('author key', () => {
  it('is made once per browser and kept', () => {
    const storage = memoryStorage()
    const first = authorSecret(storage, (b) => b.fill(7))
    const second = authorSecret(storage, (b) => b.fill(9))
    expect(first).toBe(second)
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('gives a different, name-free author id on each board, the same one the server derives', () => {
    const secret = authorSecret(memoryStorage(), (b) => crypto.getRandomValues(b))
    const a = authorIdOnBoard('board-one', secret)
    const b = authorIdOnBoard('board-two', secret)
    expect(a).not.toBe(b)
    expect(a).toBe(authorIdFor('board-one', secret))
    expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/)
  })

  it('works when storage refuses writes (private mode)', () => {
    const storage = { getItem: () => null, setItem: () => { throw new Error('quota') } }
    expect(authorSecret(storage, (b) => b.fill(1))).toMatch(/^[A-Za-z0-9_-]+$/)
  })
})
