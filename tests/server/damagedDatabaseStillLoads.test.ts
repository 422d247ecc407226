import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SqliteDocStore } from '../../server/store/SqliteDocStore.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import { noteText, noteUpdate } from '../helpers/boardContent.ts'
import { createBoardOverHttp, useChildServers } from '../helpers/childServer.ts'
import { connectClient } from '../helpers/clients.ts'
import { tempDataDir, tokenOf } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

const BOARDS = 20
const PAGE_SIZE = 4096

/** The JSON log lines of a child server's output. */
function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('a damaged database file', () => {
  const { start, clients } = useChildServers()

  it('is reported at start with the damaged boards by id, and every board still loads what is readable', async () => {
    const dataDir = tempDataDir()
    const first = await start(dataDir)
    const boards: Array<{ id: string; observer: string }> = []
    for (let i = 0; i < BOARDS; i++) {
      const board = await createBoardOverHttp(first.url, { template: 'blank', title: `Workshop ${i}` })
      boards.push({ id: board.id, observer: tokenOf(board.links.observer) })
    }
    first.process.kill('SIGTERM')
    expect(await first.exited).toBe(0)

    // Each board gets a small note and then a long one (16 KB of text: a chain of overflow pages
    // of its own), written through the store exactly as a room appends them.
    const store = new SqliteDocStore({ dataDir, synchronous: 'full' })
    for (const board of boards) {
      await store.appendUpdate(board.id, noteUpdate('small', `kept ${board.id}`))
      await store.appendUpdate(board.id, noteUpdate('long', randomBytes(12 * 1024).toString('base64')))
    }
    await store.close()
    const file = path.join(dataDir, 'coboard.sqlite')
    // Everything in the main file, nothing left in the write-ahead log to mask the damage.
    const db = new Database(file)
    db.pragma('wal_checkpoint(TRUNCATE)')
    // Three overflow pages of three different long notes, in the middle of the file.
    const overflow = db
      .prepare<[], { pageno: number; path: string }>("SELECT pageno, path FROM dbstat WHERE name = 'board_updates' AND pagetype = 'overflow' ORDER BY pageno")
      .all()
    db.close()
    const byRow = new Map<string, number>()
    for (const page of overflow) {
      const row = page.path.split('+')[0]
      if (!byRow.has(row)) byRow.set(row, page.pageno)
    }
    const rows = [...byRow.values()]
    expect(rows.length).toBeGreaterThanOrEqual(BOARDS)
    const victims = [rows[3], rows[Math.floor(rows.length / 2)], rows[rows.length - 4]]
    const fd = fs.openSync(file, 'r+')
    for (const pageno of victims) fs.writeSync(fd, randomBytes(PAGE_SIZE), 0, PAGE_SIZE, (pageno - 1) * PAGE_SIZE)
    fs.closeSync(fd)

    const second = await start(dataDir)
    const report = logLines(second.output()).find((line) => String(line.msg).startsWith('the database file is damaged'))
    expect(report, second.output()).toBeDefined()
    const damaged = report!.damagedBoards as string[]
    expect(damaged.length).toBe(3)
    for (const id of damaged) expect(boards.map((b) => b.id)).toContain(id)

    // Every board opens: the undamaged ones whole, the damaged ones with what could be read.
    for (const board of boards) {
      const client = await connectClient(second.wsUrl, board.id, board.observer)
      clients.push(client)
      expect(client.closes.filter((c) => c.code === CLOSE.serverError.code), board.id).toEqual([])
      expect(noteText(client.doc, 'small'), board.id).toBe(`kept ${board.id}`)
      expect(client.doc.getMap('meta').get('title')).toMatch(/^Workshop \d+$/)
      if (damaged.includes(board.id)) expect(noteText(client.doc, 'long'), board.id).toBeUndefined()
      else expect(noteText(client.doc, 'long')?.length, board.id).toBe(16 * 1024)
    }
    await waitFor(
      () => logLines(second.output()).filter((line) => String(line.msg).startsWith('board data is damaged')).length === 3,
      5000,
      'each damaged board logged as it loads',
    )
  })
})
