import { describe, expect, it } from 'vitest'
import { boardTemplatesSchema, templateListSchema } from '../../shared/api/templates.ts'
import { STAKEHOLDER_GROUPS } from '../../shared/stakeholderGroups.ts'
import { validTemplateJson } from '../../shared/templates/testFixtures.ts'
import { CUSTOM_TEMPLATE_LIMITS } from '../../server/boards/customTemplateLimits.ts'
import { useTestServer, type TestServer } from '../helpers/testServer.ts'

type Board = Awaited<ReturnType<TestServer['createBoard']>>

/** A valid template with the given id (the test fixture's zones). */
function templateJson(id: string): Record<string, unknown> {
  return { ...validTemplateJson(), id }
}

/** The largest template the limits allow into the lobby's list: every listed text at its longest. */
function maximalTemplateJson(id: string): Record<string, unknown> {
  const L = CUSTOM_TEMPLATE_LIMITS
  const everywhere = (text: string) => ({ en: text, da: text, sv: text, nb: text })
  const zones = Array.from({ length: L.zones }, (_, i) => ({
    id: `z${i}-${'x'.repeat(L.idChars - 2 - String(i).length)}`,
    label: everywhere(`${i} ${'L'.repeat(L.labelChars - 1 - String(i).length)}`),
    prompt: everywhere('?'),
    x: (i % 10) * 300,
    y: Math.floor(i / 10) * 300,
    w: 280,
    h: 280,
  }))
  return {
    id,
    title: everywhere(`${id} ${'T'.repeat(L.titleChars - id.length - 1)}`),
    summary: everywhere('S'.repeat(L.summaryChars)),
    purpose: everywhere('P'.repeat(L.purposeChars)),
    sources: Array.from({ length: L.sources }, () => ({ short: 'R'.repeat(L.sourceShortChars), full: 'Full citation.' })),
    suggestedGroups: [...STAKEHOLDER_GROUPS],
    durationMinutes: 0,
    agenda: [],
    zones,
    examples: [],
  }
}

describe('facilitators’ own templates are owned, bounded and deletable', () => {
  const t = useTestServer({ env: { MAX_TEMPLATES_PER_BOARD: '5' } })
  const url = (path: string) => `${t.server.url}${path}`
  const importAs = (board: Board | undefined, json: unknown, token = board?.tokens.facilitator) =>
    fetch(url(`/api/templates${board ? `?board=${board.id}` : ''}`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(json),
    })
  const remove = (id: string, token?: string) =>
    fetch(url(`/api/templates/${id}`), { method: 'DELETE', headers: token ? { Authorization: `Bearer ${token}` } : {} })
  const listIds = async () => templateListSchema.parse(await (await fetch(url('/api/templates'))).json()).templates.map((e) => e.id)
  const ownList = async (board: Board) =>
    boardTemplatesSchema.parse(await (await fetch(url(`/api/boards/${board.id}/templates`), { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })).json())

  it('saving a template needs a facilitator link, and the template remembers its board', async () => {
    const board = await t.server.createBoard()
    expect((await importAs(undefined, templateJson('no-board'), board.tokens.facilitator)).status).toBe(400)
    expect((await importAs(board, templateJson('no-token'), '')).status).toBe(401)
    const participant = await importAs(board, templateJson('by-participant'), board.tokens.participant)
    expect(participant.status).toBe(403)
    expect((await participant.json()).message).toMatch(/Only the facilitator link can import templates/)
    expect(await listIds()).not.toContain('by-participant')

    expect((await importAs(board, templateJson('ours'))).status).toBe(201)
    expect(await ownList(board)).toEqual({ templates: [{ id: 'ours', title: 'Test board' }] })
    const other = await t.server.createBoard()
    expect(await ownList(other)).toEqual({ templates: [] })
    const participantList = await fetch(url(`/api/boards/${board.id}/templates`), { headers: { Authorization: `Bearer ${board.tokens.participant}` } })
    expect(participantList.status).toBe(403)
  })

  it('only a facilitator of the owning board deletes a custom template; shipped templates stay', async () => {
    const owner = await t.server.createBoard()
    const stranger = await t.server.createBoard()
    expect((await importAs(owner, templateJson('harbour-map'))).status).toBe(201)

    expect((await remove('harbour-map')).status).toBe(401)
    expect((await remove('harbour-map', owner.tokens.participant)).status).toBe(403)
    expect((await remove('harbour-map', stranger.tokens.facilitator)).status).toBe(403)
    const builtIn = await remove('stakeholder-map', owner.tokens.facilitator)
    expect(builtIn.status).toBe(403)
    expect((await builtIn.json()).message).toMatch(/come with coboard cannot be deleted/)
    expect((await remove('no-such-template', owner.tokens.facilitator)).status).toBe(404)
    expect(await listIds()).toContain('harbour-map')

    // A board made from the template keeps its content when the template goes.
    const made = await t.server.createBoard({ template: 'harbour-map' })
    const deleted = await remove('harbour-map', owner.tokens.facilitator)
    expect(deleted.status).toBe(200)
    expect(await deleted.json()).toEqual({ id: 'harbour-map', deleted: true })
    expect(await listIds()).not.toContain('harbour-map')
    expect((await fetch(url('/api/templates/harbour-map'))).status).toBe(404)
    expect((await fetch(url(`/api/boards/${made.id}`), { headers: { Authorization: `Bearer ${made.tokens.observer}` } })).status).toBe(200)

    // The deletion is stored: it stays deleted after a restart, and the id can be used again.
    await t.restart()
    expect(await listIds()).not.toContain('harbour-map')
    expect((await importAs(owner, templateJson('harbour-map'))).status).toBe(201)
  })

  it('caps templates per board and overall with 507, and frees a place when one is deleted', async () => {
    await t.restart({ MAX_TEMPLATES_PER_BOARD: '2', MAX_CUSTOM_TEMPLATES: '3' })
    const a = await t.server.createBoard()
    const b = await t.server.createBoard()
    expect((await importAs(a, templateJson('a-one'))).status).toBe(201)
    expect((await importAs(a, templateJson('a-two'))).status).toBe(201)
    const perBoard = await importAs(a, templateJson('a-three'))
    expect(perBoard.status).toBe(507)
    expect(await perBoard.json()).toMatchObject({ error: 'quota_exceeded', message: expect.stringMatching(/already has 2 templates.*MAX_TEMPLATES_PER_BOARD/) })
    // Saving the board as a template counts too.
    const saveBoard = await fetch(url(`/api/boards/${a.id}/template`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${a.tokens.facilitator}` },
      body: '{}',
    })
    expect(saveBoard.status).toBe(507)
    expect((await importAs(b, templateJson('b-one'))).status).toBe(201)
    const overall = await importAs(b, templateJson('b-two'))
    expect(overall.status).toBe(507)
    expect((await overall.json()).message).toMatch(/already keeps 3 custom templates.*MAX_CUSTOM_TEMPLATES/)
    expect((await remove('a-one', a.tokens.facilitator)).status).toBe(200)
    expect((await importAs(b, templateJson('b-two'))).status).toBe(201)
  })

  it('refuses templates too large for the lobby, naming what is too long', async () => {
    await t.restart({ MAX_TEMPLATE_BYTES: '4096' })
    const board = await t.server.createBoard()
    const big = templateJson('big-one') as { purpose: Record<string, string> }
    big.purpose = { en: 'p'.repeat(1200), da: 'p'.repeat(1200), sv: 'p'.repeat(1200), nb: 'p'.repeat(1200) }
    const tooLarge = await importAs(board, big)
    expect(tooLarge.status).toBe(413)
    expect((await tooLarge.json()).message).toMatch(/larger than 4096 bytes.*MAX_TEMPLATE_BYTES/)

    const longLabel = templateJson('long-label') as { zones: Array<{ label: Record<string, string> }> }
    longLabel.zones[0].label.sv = 'x'.repeat(CUSTOM_TEMPLATE_LIMITS.labelChars + 1)
    const refused = await importAs(board, longLabel)
    expect(refused.status).toBe(400)
    const body = await refused.json()
    expect(body.error).toBe('invalid_template')
    expect(body.errors).toEqual([`zones[0] "challenge" › label › sv: at most ${CUSTOM_TEMPLATE_LIMITS.labelChars} characters (this one has ${CUSTOM_TEMPLATE_LIMITS.labelChars + 1})`])
  })

  it('limits template saves per address, import and "save board as template" together', async () => {
    await t.restart({ TEMPLATE_SAVES_PER_ADDRESS_PER_HOUR: '2' })
    const board = await t.server.createBoard()
    expect((await importAs(board, templateJson('first'))).status).toBe(201)
    const save = await fetch(url(`/api/boards/${board.id}/template`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${board.tokens.facilitator}` },
      body: '{}',
    })
    expect(save.status).toBe(201)
    const refused = await importAs(board, templateJson('third'))
    expect(refused.status).toBe(429)
    expect((await refused.json()).message).toMatch(/Too many template saves from your address: at most 2 per hour/)
  })

  it('keeps the lobby’s list small with 40 custom templates at their largest', async () => {
    const shippedList = await (await fetch(url('/api/templates?locale=en'))).text()
    const before = Buffer.byteLength(shippedList)
    const shipped = templateListSchema.parse(JSON.parse(shippedList)).templates.length
    const boards: Board[] = []
    for (let i = 0; i < 8; i++) boards.push(await t.server.createBoard())
    for (let i = 0; i < 40; i++) {
      const res = await importAs(boards[i % 8], maximalTemplateJson(`largest-${i}`))
      expect(res.status, await res.clone().text()).toBe(201)
    }
    const list = await (await fetch(url('/api/templates?locale=en'))).text()
    const bytes = Buffer.byteLength(list)
    expect(templateListSchema.parse(JSON.parse(list)).templates).toHaveLength(shipped + 40)
    console.info(`lobby template list: ${before} bytes with the ${shipped} shipped templates, ${bytes} bytes with 40 maximal custom templates added`)
    // The first version's list grew to 8.5 MiB with 40 templates of 0.9 MB.
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024)
  })
})
