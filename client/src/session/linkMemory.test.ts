import { describe, expect, it } from 'vitest'
import { readBoardLinks, rememberBoardLinks, rememberLink } from './linkMemory.ts'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

describe('remembered board links', () => {
  it('keeps the links of boards created in this browser, per board', () => {
    const storage = memoryStorage()
    rememberBoardLinks(storage, 'b1', { facilitator: 'f', participant: 'p', observer: 'o' })
    expect(readBoardLinks(storage, 'b1')).toEqual({ facilitator: 'f', participant: 'p', observer: 'o' })
    expect(readBoardLinks(storage, 'b2')).toBeUndefined()
  })

  it('replaces one link after a new one was made, even for a board it did not know', () => {
    const storage = memoryStorage()
    rememberLink(storage, 'b1', 'participant', 'p2')
    expect(readBoardLinks(storage, 'b1')).toEqual({ participant: 'p2' })
  })

  it('forgets rather than fails on a broken or blocked storage', () => {
    const storage = memoryStorage()
    storage.setItem('coboard:links:b1', '{not json')
    expect(readBoardLinks(storage, 'b1')).toBeUndefined()
    const blocked = { ...storage, setItem: () => { throw new Error('quota') }, getItem: () => { throw new Error('blocked') } }
    expect(() => rememberBoardLinks(blocked, 'b1', { facilitator: 'f', participant: 'p', observer: 'o' })).not.toThrow()
    expect(readBoardLinks(blocked, 'b1')).toBeUndefined()
  })
})
