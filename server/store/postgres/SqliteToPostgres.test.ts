import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dropSchema, TEST_DATABASE_URL, uniqueTestNamespace } from '../../../tests/helpers/postgres.ts'
import { SqliteDocStore } from '../SqliteDocStore.ts'
import { PostgresDocStore } from './PostgresDocStore.ts'
import { SqliteToPostgres } from './SqliteToPostgres.ts'

const u = (...values: number[]) => new Uint8Array(values)

describe('SqliteToPostgres', () => {
  const schemas: string[] = []
  afterEach(async () => {
    for (const schema of schemas.splice(0)) await dropSchema(schema)
  })

  it('copies every kind of data, renumbering each board’s log from 1, and refuses a non-empty target', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coboard-migrate-'))
    const sqlite = new SqliteDocStore({ dataDir, synchronous: 'normal' })
    const board = (id: string) => ({ id, title: id, template: 'blank', locale: 'en' as const, createdAt: 5 })
    await sqlite.createBoard(board('b1'), { facilitator: 'f1', participant: 'p1', observer: 'o1' }, u(0))
    await sqlite.createBoard(board('b2'), { facilitator: 'f2', participant: 'p2', observer: 'o2' }, u(0))
    await sqlite.appendUpdate('b1', u(1))
    await sqlite.appendUpdate('b2', u(20))
    const s = await sqlite.appendUpdate('b1', u(2))
    await sqlite.compact('b1', u(9, 9), s)
    await sqlite.appendUpdate('b1', u(3))
    await sqlite.appendUpdate('b2', u(21))
    await sqlite.putCustomTemplate({ id: 't1', json: '{}', ownerBoardId: 'b1' }, { maxPerBoard: 5, maxTotal: 5 })
    await sqlite.putAsset({ boardId: 'b1', id: 'a1', mimeType: 'image/png', data: u(1, 2, 3), createdAt: 7 }, { maxBoardBytes: 100 })
    await sqlite.versions.addVersion({ id: 'v1', boardId: 'b1', createdAt: 8, label: 'x', kind: 'manual', noteCount: 0, bytes: 1 }, u(4))
    await sqlite.ballots.createVote({ boardId: 'b1', id: 'vote', config: { dots: 1 } as never, status: 'open', startedAt: 1, endsAt: null, closedAt: null })
    await sqlite.close()

    const { schema } = uniqueTestNamespace()
    schemas.push(schema)
    const migration = new SqliteToPostgres({ sqliteFile: path.join(dataDir, 'coboard.sqlite'), databaseUrl: TEST_DATABASE_URL, schema })
    const counts = await migration.run()
    expect(counts).toMatchObject({ boards: 2, board_links: 6, custom_templates: 1, board_assets: 1, board_versions: 1, board_votes: 1, board_updates: 3 })

    const pgStore = new PostgresDocStore({ url: TEST_DATABASE_URL, schema })
    try {
      expect(await pgStore.getBoard('b1')).toEqual(board('b1'))
      expect(await pgStore.roleForTokenHash('b2', 'o2')).toBe('observer')
      expect(await pgStore.loadDoc('b1')).toEqual({ snapshot: u(9, 9), updates: [u(3)], lastSeq: 1 })
      expect(await pgStore.loadDoc('b2')).toEqual({ snapshot: u(0), updates: [u(20), u(21)], lastSeq: 2 })
      expect(await pgStore.appendUpdate('b2', u(22))).toBe(3)
      expect((await pgStore.getAsset('b1', 'a1'))?.data).toEqual(u(1, 2, 3))
      expect((await pgStore.versions.getVersion('b1', 'v1'))?.snapshot).toEqual(u(4))
      expect((await pgStore.ballots.openVotes()).map((v) => v.id)).toEqual(['vote'])
      expect(await pgStore.listCustomTemplates()).toEqual([{ id: 't1', json: '{}', ownerBoardId: 'b1' }])
    } finally {
      await pgStore.close()
    }
    await expect(migration.run()).rejects.toThrow(/already holds 2 board/)
  })
})
