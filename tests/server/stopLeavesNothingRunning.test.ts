import { describe, expect, it } from 'vitest'
import { connectClient } from '../helpers/clients.ts'
import { startTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

/** Counts of the kinds of handles that would keep a process alive after the server stopped. */
function liveResources(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const name of process.getActiveResourcesInfo()) {
    if (['Timeout', 'Immediate', 'TCPServerWrap', 'TCPSocketWrap'].includes(name)) counts[name] = (counts[name] ?? 0) + 1
  }
  return counts
}

describe('stopping the server', () => {
  it('closes every socket, timer and listener it started', async () => {
    const before = liveResources()
    const server = await startTestServer({ env: { ROOM_IDLE_SECONDS: '3600' } })
    const board = await server.createBoard({ template: 'stakeholder-map' })
    const client = await connectClient(server.wsUrl, board.id, board.tokens.participant)
    client.doc.getMap('notes').set('n', 'Lonely elderly people')
    client.destroy()
    await server.close()
    // Nothing beyond what was running before (the test runner's own timers come and go).
    const extra = () => Object.entries(liveResources()).filter(([name, n]) => n > (before[name] ?? 0))
    await waitFor(() => extra().length === 0, 5000, 'resources released').catch(() => undefined)
    expect(Object.fromEntries(extra())).toEqual({})
  })
})
