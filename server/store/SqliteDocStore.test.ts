import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SqliteDocStore } from './SqliteDocStore.ts'

const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-store-'))

async function storeWithBoards(dataDir: string, ids: string[]): Promise<SqliteDocStore> {
  const store = new SqliteDocStore({ dataDir, synchronous: 'normal' })
  for (const id of ids) {
    await store.createBoard({ id, title: id, template: 'blank', locale: 'en', createdAt: 0 }, { facilitator: `f${id}`, participant: `p${id}`, observer: `o${id}` }, new Uint8Array([0, 0]))
  }
  return store
}

describe('SqliteDocStore quotas', () => {
  it('stores an image only while the board stays within its quota, counted in the same transaction', async () => {
    const store = await storeWithBoards(tempDataDir(), ['board-a', 'board-b'])
    const asset = (boardId: string, id: string, size: number) => ({ boardId, id, mimeType: 'image/png', data: new Uint8Array(size), createdAt: 0 })
    const quota = { maxBoardBytes: 1000 }
    const results = await Promise.all([store.putAsset(asset('board-a', 'a1', 600), quota), store.putAsset(asset('board-a', 'a2', 600), quota)])
    expect(results).toEqual([{ stored: true }, { stored: false, usedBytes: 600 }])
    expect(await store.assetBytes('board-a')).toBe(600)
    expect(await store.putAsset(asset('board-b', 'b1', 1000), quota)).toEqual({ stored: true })
    await store.close()
  })

  it('caps custom templates per board and overall, and frees a place on delete', async () => {
    const store = await storeWithBoards(tempDataDir(), ['board-a', 'board-b'])
    const quota = { maxPerBoard: 1, maxTotal: 2 }
    const put = (id: string, ownerBoardId: string | null) => store.putCustomTemplate({ id, json: '{}', ownerBoardId }, quota)
    expect(await put('one', 'board-a')).toBe('stored')
    expect(await put('one', 'board-b')).toBe('taken')
    expect(await put('two', 'board-a')).toBe('board-quota')
    expect(await put('two', 'board-b')).toBe('stored')
    expect(await put('three', 'board-b')).toBe('total-quota')
    expect(await store.deleteCustomTemplate('one')).toBe(true)
    expect(await store.deleteCustomTemplate('one')).toBe(false)
    expect((await store.listCustomTemplates()).map((t) => [t.id, t.ownerBoardId])).toEqual([['two', 'board-b']])
    await store.close()
  })

  it('adds the owner column to a file from before templates had owners; old templates keep no owner', async () => {
    const dataDir = tempDataDir()
    const old = new Database(path.join(dataDir, 'coboard.sqlite'))
    old.exec("CREATE TABLE custom_templates (id TEXT PRIMARY KEY, json TEXT NOT NULL, created_at INTEGER NOT NULL); INSERT INTO custom_templates VALUES ('legacy', '{}', 1)")
    old.close()
    const store = new SqliteDocStore({ dataDir, synchronous: 'normal' })
    expect(await store.listCustomTemplates()).toEqual([{ id: 'legacy', json: '{}', ownerBoardId: null }])
    expect(await store.checkIntegrity()).toEqual({ ok: true })
    await store.close()
  })
})
