import { describe, expect, it } from 'vitest'
import { forgetRecentBoard, MAX_RECENT_BOARDS, readRecentBoards, recordBoardVisit, RECENT_BOARDS_KEY, withVisit, type RecentBoard } from './recentBoards.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data }
}

const visit = (id: string, lastOpened: number, extra: Partial<RecentBoard> = {}): RecentBoard => ({
  id,
  title: `Board ${id}`,
  role: 'participant',
  link: `https://coboard.example/b/${id}#k=secret`,
  lastOpened,
  ...extra,
})

describe('the boards this browser opened', () => {
  it('lists the newest first, once per board and role, and updates the last-opened time', () => {
    const storage = memoryStorage()
    recordBoardVisit(storage, visit('a', 1))
    recordBoardVisit(storage, visit('b', 2))
    recordBoardVisit(storage, visit('a', 3, { title: 'Renamed' }))
    recordBoardVisit(storage, visit('a', 4, { role: 'facilitator' }))
    expect(readRecentBoards(storage).map((e) => [e.id, e.role, e.title, e.lastOpened])).toEqual([
      ['a', 'facilitator', 'Board a', 4],
      ['a', 'participant', 'Renamed', 3],
      ['b', 'participant', 'Board b', 2],
    ])
  })

  it('forgets one board and role, and keeps at most a bounded number of boards', () => {
    const storage = memoryStorage()
    recordBoardVisit(storage, visit('a', 1))
    recordBoardVisit(storage, visit('b', 2))
    expect(forgetRecentBoard(storage, 'b', 'participant').map((e) => e.id)).toEqual(['a'])
    expect(readRecentBoards(storage).map((e) => e.id)).toEqual(['a'])
    const many = Array.from({ length: MAX_RECENT_BOARDS + 5 }, (_, i) => visit(`x${i}`, i)).reduce<RecentBoard[]>((list, v) => withVisit(list, v), [])
    expect(many).toHaveLength(MAX_RECENT_BOARDS)
    expect(many[0].id).toBe(`x${MAX_RECENT_BOARDS + 4}`)
  })

  it('survives what another version or a person left in storage', () => {
    expect(readRecentBoards(memoryStorage({ [RECENT_BOARDS_KEY]: 'not json' }))).toEqual([])
    expect(readRecentBoards(memoryStorage({ [RECENT_BOARDS_KEY]: '{"a":1}' }))).toEqual([])
    const mixed = JSON.stringify([visit('good', 1), { id: 'bad', role: 'king' }])
    expect(readRecentBoards(memoryStorage({ [RECENT_BOARDS_KEY]: mixed })).map((e) => e.id)).toEqual(['good'])
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError') } }
    expect(() => recordBoardVisit(full, visit('a', 1))).not.toThrow()
  })
})
