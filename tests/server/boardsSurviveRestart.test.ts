import { afterEach, describe, expect, it } from 'vitest'
import { startChildServer, type ChildServer } from '../helpers/childServer.ts'
import { connectClient, type SyncClient } from '../helpers/clients.ts'
import { tempDataDir, tokenOf } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

async function createBoard(url: string) {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ template: 'blank', title: 'Living lab kickoff' }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; links: Record<string, string> }
}

describe('boards survive the server stopping', () => {
  const servers: ChildServer[] = []
  const clients: SyncClient[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) {
      if (server.process.exitCode === null) {
        server.process.kill('SIGKILL')
        await server.exited
      }
    }
  })

  it('a restarted server (new process) serves the same content and the same links', async () => {
    const dataDir = tempDataDir()
    const first = await startChildServer(dataDir)
    servers.push(first)
    const board = await createBoard(first.url)
    const writer = await connectClient(first.wsUrl, board.id, tokenOf(board.links.participant))
    clients.push(writer)
    writer.doc.getMap('notes').set('n1', { text: 'We cannot create authentic social relations', zone: 'cannot-alone' })
    writer.doc.getText('minutes').insert(0, 'Agreed: meet again in March.')
    // Another client seeing the edit proves it reached the server (and so the store).
    const witness = await connectClient(first.wsUrl, board.id, tokenOf(board.links.observer))
    clients.push(witness)
    await waitFor(() => witness.doc.getText('minutes').length > 0, 5000, 'witness sees minutes')
    writer.destroy()
    witness.destroy()
    clients.length = 0
    first.process.kill('SIGTERM')
    expect(await first.exited).toBe(0)

    const second = await startChildServer(dataDir)
    servers.push(second)
    const reader = await connectClient(second.wsUrl, board.id, tokenOf(board.links.observer))
    clients.push(reader)
    expect(reader.doc.getMap('notes').get('n1')).toEqual({ text: 'We cannot create authentic social relations', zone: 'cannot-alone' })
    expect(reader.doc.getText('minutes').toString()).toBe('Agreed: meet again in March.')
    expect(reader.doc.getMap('meta').get('title')).toBe('Living lab kickoff')
  })

  it('after kill -9 during a write burst, every update a client had received is still there', async () => {
    const dataDir = tempDataDir()
    // A high rate limit so that the burst really is one, not a client closed for flooding.
    const first = await startChildServer(dataDir, { MAX_MESSAGES_PER_SECOND: '100000' })
    servers.push(first)
    const board = await createBoard(first.url)
    const writers = await Promise.all([
      connectClient(first.wsUrl, board.id, tokenOf(board.links.participant)),
      connectClient(first.wsUrl, board.id, tokenOf(board.links.participant)),
    ])
    const witness = await connectClient(first.wsUrl, board.id, tokenOf(board.links.observer))
    clients.push(...writers, witness)

    // Two writers keep writing; the server is killed while updates are in flight.
    let written = 0
    let stop = false
    const burst = (async () => {
      while (!stop) {
        for (const [w, writer] of writers.entries()) writer.doc.getMap('burst').set(`w${w}-${written}`, written)
        written++
        if (written % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    await waitFor(() => witness.doc.getMap('burst').size >= 2000, 10_000, 'burst under way')
    first.process.kill('SIGKILL')
    await first.exited
    stop = true
    await burst
    // Everything the surviving witness received before the kill must have been stored first.
    const received = witness.doc.getMap('burst').toJSON()
    const writtenByWriters = writers[0].doc.getMap('burst').size
    witness.destroy()
    for (const writer of writers) writer.destroy()
    clients.length = 0

    const second = await startChildServer(dataDir)
    servers.push(second)
    const reader = await connectClient(second.wsUrl, board.id, tokenOf(board.links.observer))
    clients.push(reader)
    const stored = reader.doc.getMap('burst').toJSON()
    const missing = Object.keys(received).filter((key) => !(key in stored))
    expect(missing).toEqual([])
    expect(Object.keys(received).length).toBeGreaterThanOrEqual(2000)
    // The kill did cut the burst short: the writers had more than the witness saw.
    expect(writtenByWriters).toBeGreaterThanOrEqual(Object.keys(received).length)
  })
})
