import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toRichText } from '@tldraw/tlschema'
import { readRecords, writeRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import { coboardMeta } from '../../shared/templates/generateTemplateRecords.ts'
import { connectClient } from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

describe('facilitators share their own templates', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await server.close()
  })
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  // Importing needs a facilitator link; the template belongs to that link's board.
  const importAs = (board: { id: string; tokens: { facilitator: string } }, body: unknown) =>
    post(`/api/templates?board=${board.id}`, body, board.tokens.facilitator)
  const ids = async () => ((await (await fetch(`${server.url}/api/templates`)).json()).templates as Array<{ id: string }>).map((t) => t.id)

  it('exports a template as JSON and imports an edited copy that survives a restart', async () => {
    const exported = await fetch(`${server.url}/api/templates/living-lab-kickoff`)
    expect(exported.status).toBe(200)
    const template = await exported.json()
    expect(template.zones.length).toBeGreaterThan(3)
    expect((await fetch(`${server.url}/api/templates/no-such`)).status).toBe(404)

    const copy = { ...template, id: 'our-lab-kickoff', title: { ...template.title, en: 'Our lab kickoff' } }
    const owner = await server.createBoard()
    const res = await importAs(owner, copy)
    expect(res.status).toBe(201)
    expect((await res.json()).id).toBe('our-lab-kickoff')
    expect(await ids()).toContain('our-lab-kickoff')
    expect((await importAs(owner, copy)).status).toBe(409)

    await server.close()
    server = await startTestServer({ dataDir: server.dataDir })
    const list = (await (await fetch(`${server.url}/api/templates`)).json()).templates
    expect(list.find((t: { id: string }) => t.id === 'our-lab-kickoff')).toMatchObject({ title: 'Our lab kickoff', custom: true })
    const board = await server.createBoard({ template: 'our-lab-kickoff', locale: 'da' })
    expect(board.template).toBe('our-lab-kickoff')
  })

  it('a malformed template is refused with specific errors and changes nothing', async () => {
    const before = await ids()
    const template = await (await fetch(`${server.url}/api/templates/stakeholder-map`)).json()
    const broken = structuredClone(template)
    broken.id = 'broken-map'
    delete broken.zones[0].label.nb
    broken.zones[1].w = -5
    const owner = await server.createBoard()
    const res = await importAs(owner, broken)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error).toBe('invalid_template')
    const errors = body.errors.join('\n')
    expect(errors).toMatch(/shared-challenge.*label.*nb/)
    expect(errors).toMatch(/w must be greater than 0/)

    const dangling = { ...structuredClone(template), id: 'dangling-map', examples: [{ zone: 'no-such-zone', text: template.examples[0].text }] }
    const res2 = await importAs(owner, dangling)
    expect(res2.status).toBe(400)
    expect((await res2.json()).errors.join('\n')).toMatch(/no-such-zone/)
    expect((await importAs(owner, '{not json')).status).toBe(400)
    expect(await ids()).toEqual(before)
  })

  it('the facilitator saves a board, with an edited zone label, as a new template', async () => {
    const board = await server.createBoard({ template: 'inside-outside', locale: 'en', title: 'Harbour district' })
    const facilitator = await connectClient(server.wsUrl, board.id, board.tokens.facilitator)
    const label = readRecords(facilitator.doc).find(
      (r) => r.typeName === 'shape' && r.type === 'text' && coboardMeta(r)?.part === 'label',
    )
    expect(label).toBeDefined()
    const zoneFrameId = label!.typeName === 'shape' ? label!.parentId : ''
    writeRecords(facilitator.doc, [{ ...label!, props: { ...(label as { props: object }).props, richText: toRichText('Our own label') } } as never])
    const witness = await connectClient(server.wsUrl, board.id, board.tokens.observer)
    await waitFor(() => readRecords(witness.doc).some((r) => JSON.stringify(r).includes('Our own label')), 5000, 'edit stored')

    expect((await post(`/api/boards/${board.id}/template`, {}, board.tokens.participant)).status).toBe(403)
    const res = await post(`/api/boards/${board.id}/template`, { id: 'harbour-enablers' }, board.tokens.facilitator)
    expect(res.status).toBe(201)
    const { template } = await res.json()
    expect(template.title.en).toBe('Harbour district')
    const zoneId = coboardMeta(readRecords(facilitator.doc).find((r) => r.id === zoneFrameId) as never)?.zone
    const zone = template.zones.find((z: { id: string }) => z.id === zoneId)
    expect(zone.label).toEqual({ en: 'Our own label', da: 'Our own label', sv: 'Our own label', nb: 'Our own label' })
    // Unchanged zones keep their four translations.
    const other = template.zones.find((z: { id: string }) => z.id !== zoneId)
    expect(other.label.da).not.toBe(other.label.en)
    expect(await ids()).toContain('harbour-enablers')
    facilitator.destroy()
    witness.destroy()
  })
})
