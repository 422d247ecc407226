import { afterEach, describe, expect, it } from 'vitest'
import { clientConfigSchema } from '../../shared/api/config.ts'
import { CREATE_KEY_HEADER } from '../../shared/api/boards.ts'
import { startChildServer, type ChildServer } from '../helpers/childServer.ts'
import { startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts'

const KEY = 'town-hall-workshops-2027-Kx9'

describe('who may create boards, and how many', () => {
  let server: TestServer | undefined
  let child: ChildServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
    if (child && child.process.exitCode === null) {
      child.process.kill('SIGTERM')
      await child.exited
    }
    child = undefined
  })

  const create = (url: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ template: 'blank' }),
    })

  it('with CREATE_BOARDS=key only the right creation key creates a board, and the key is never logged', async () => {
    child = await startChildServer(tempDataDir(), { CREATE_BOARDS: 'key', CREATE_BOARDS_KEY: KEY, LOG_LEVEL: 'trace' })
    const config = clientConfigSchema.parse(await (await fetch(`${child.url}/api/config`)).json())
    expect(config.createBoards).toBe('key')
    expect(JSON.stringify(config)).not.toContain(KEY)

    const none = await create(child.url)
    expect(none.status).toBe(401)
    expect(await none.json()).toMatchObject({ error: 'creation_key_required', message: expect.stringMatching(/creation key/) })
    const wrong = await create(child.url, { [CREATE_KEY_HEADER]: `${KEY}x` })
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ error: 'bad_creation_key', message: expect.stringMatching(/creation key is not right/) })
    const right = await create(child.url, { [CREATE_KEY_HEADER]: KEY })
    expect(right.status).toBe(201)
    // The links a board hands out do not need the key: joining is not creating.
    const board = await right.json()
    const token = new URL(board.links.participant).hash.slice('#k='.length)
    expect((await fetch(`${child.url}/api/boards/${board.id}`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200)

    child.process.kill('SIGTERM')
    await child.exited
    expect(child.output()).toMatch(/board created/)
    expect(child.output()).not.toContain(KEY)
    expect(child.output()).not.toContain(token)
  })

  it('an open server refuses board creation past the per-address quota with 429 and Retry-After', async () => {
    server = await startTestServer({ env: { BOARDS_PER_ADDRESS_PER_HOUR: '3' } })
    for (let i = 0; i < 3; i++) expect((await create(server.url)).status).toBe(201)
    const refused = await create(server.url)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000)
    const body = await refused.json()
    expect(body).toMatchObject({ error: 'rate_limited' })
    expect(body.message).toMatch(/at most 3 per hour\. Try again in \d+ minutes/)
    // Other endpoints are not affected.
    expect((await fetch(`${server.url}/api/templates`)).status).toBe(200)
  })

  it('behind a trusted proxy each client address has its own quota; without TRUST_PROXY the header is ignored', async () => {
    server = await startTestServer({ env: { BOARDS_PER_ADDRESS_PER_HOUR: '1', TRUST_PROXY: '127.0.0.1' } })
    const from = (address: string) => ({ 'X-Forwarded-For': address })
    expect((await create(server.url, from('203.0.113.7'))).status).toBe(201)
    expect((await create(server.url, from('203.0.113.7'))).status).toBe(429)
    expect((await create(server.url, from('198.51.100.20'))).status).toBe(201)
    // IPv6 clients count per /64, which one household or phone usually holds in full.
    expect((await create(server.url, from('2001:db8:1:2::1'))).status).toBe(201)
    expect((await create(server.url, from('2001:db8:1:2::ffff'))).status).toBe(429)
    await server.close()

    server = await startTestServer({ env: { BOARDS_PER_ADDRESS_PER_HOUR: '1' } })
    expect((await create(server.url, from('203.0.113.7'))).status).toBe(201)
    // A client cannot get a fresh quota by naming another address itself.
    expect((await create(server.url, from('198.51.100.20'))).status).toBe(429)
  })

  it('wrong creation keys count against the quota, so keys cannot be guessed at speed', async () => {
    server = await startTestServer({ env: { CREATE_BOARDS: 'key', CREATE_BOARDS_KEY: KEY, BOARDS_PER_ADDRESS_PER_HOUR: '5' } })
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await create(server.url, { [CREATE_KEY_HEADER]: `guess-${i}-aaaaaaaaaaaa` })).status)
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429])
  })
})
