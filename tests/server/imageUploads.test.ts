import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'

// The smallest valid PNG: 1×1 transparent pixel.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082',
  'hex',
)

describe('image uploads', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer({ env: { MAX_UPLOAD_BYTES: '4096' } })
  })
  afterEach(async () => {
    await server.close()
  })
  const upload = (boardId: string, token: string, body: Uint8Array, type = 'image/png') =>
    fetch(`${server.url}/api/boards/${boardId}/assets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
      body: new Uint8Array(body),
    })

  it('stores an image and serves it by an unguessable URL, referenced rather than inlined', async () => {
    const board = await server.createBoard()
    const res = await upload(board.id, board.tokens.participant, PNG)
    expect(res.status).toBe(201)
    const asset = await res.json()
    expect(asset).toMatchObject({ mimeType: 'image/png', size: PNG.length })
    expect(asset.url).toMatch(new RegExp(`^/api/boards/${board.id}/assets/[A-Za-z0-9_-]{22}$`))
    const image = await fetch(`${server.url}${asset.url}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(image.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG)
  })

  it('refuses what it should, saying why', async () => {
    const board = await server.createBoard()
    const tooBig = await upload(board.id, board.tokens.participant, Buffer.concat([PNG, Buffer.alloc(5000)]))
    expect(tooBig.status).toBe(413)
    expect((await tooBig.json()).message).toMatch(/limit is 4096 bytes/)
    const svg = await upload(board.id, board.tokens.participant, Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml')
    expect(svg.status).toBe(415)
    expect((await svg.json()).message).toMatch(/image\/png, image\/jpeg, image\/gif, image\/webp/)
    const disguised = await upload(board.id, board.tokens.participant, Buffer.from('<html>not a png</html>'))
    expect(disguised.status).toBe(415)
    expect((await disguised.json()).message).toMatch(/not really image\/png/)
    const observer = await upload(board.id, board.tokens.observer, PNG)
    expect(observer.status).toBe(403)
    const missing = await fetch(`${server.url}/api/boards/${board.id}/assets/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(missing.status).toBe(404)
  })

  it('a board’s images have a quota: past MAX_UPLOAD_BYTES_PER_BOARD an upload is refused with 507, other boards go on', async () => {
    await server.close()
    // A PNG with trailing bytes is still a PNG; 1.1 KB each, three to a board.
    const image = Buffer.concat([PNG, Buffer.alloc(1000)])
    server = await startTestServer({ env: { MAX_UPLOAD_BYTES: '4096', MAX_UPLOAD_BYTES_PER_BOARD: `${image.length * 3}` } })
    const board = await server.createBoard()
    for (let i = 0; i < 3; i++) expect((await upload(board.id, board.tokens.participant, image)).status).toBe(201)
    const full = await upload(board.id, board.tokens.facilitator, image)
    expect(full.status).toBe(507)
    const body = await full.json()
    expect(body.error).toBe('quota_exceeded')
    expect(body.message).toMatch(/upload quota.*MAX_UPLOAD_BYTES_PER_BOARD/)
    const other = await server.createBoard()
    expect((await upload(other.id, other.tokens.participant, PNG)).status).toBe(201)
    // What was stored before is still served.
    const stored = await (await upload(other.id, other.tokens.participant, PNG)).json()
    expect((await fetch(`${server.url}${stored.url}`)).status).toBe(200)
  })

  it('uploads from one address past UPLOADS_PER_ADDRESS_PER_MINUTE get 429 with Retry-After', async () => {
    await server.close()
    server = await startTestServer({ env: { MAX_UPLOAD_BYTES: '4096', UPLOADS_PER_ADDRESS_PER_MINUTE: '2' } })
    const board = await server.createBoard()
    expect((await upload(board.id, board.tokens.participant, PNG)).status).toBe(201)
    expect((await upload(board.id, board.tokens.participant, PNG)).status).toBe(201)
    const refused = await upload(board.id, board.tokens.participant, PNG)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await refused.json()).message).toMatch(/Too many uploads from your address: at most 2 per minute/)
  })
})
