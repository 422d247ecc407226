import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCALES } from '../../shared/locales.ts'
import { readRecords, readSchema } from '../../shared/tldrawYjs/recordsDoc.ts'
import { connectClient } from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/testServer.ts'

describe('boards created from templates', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('GET /api/templates lists all nine templates with localized titles', async () => {
    const en = await (await fetch(`${server.url}/api/templates?locale=en`)).json()
    const ids = en.templates.map((t: { id: string }) => t.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        'stakeholder-map',
        'compelling-repelling',
        'intended-actual',
        'maturity-ladder',
        'inside-outside',
        'coproduction-cycle',
        'collective-author',
        'living-lab-kickoff',
        'blank',
      ]),
    )
    const sv = await (await fetch(`${server.url}/api/templates?locale=sv`)).json()
    const mapSv = sv.templates.find((t: { id: string }) => t.id === 'stakeholder-map')
    const mapEn = en.templates.find((t: { id: string }) => t.id === 'stakeholder-map')
    expect(mapSv.title).not.toBe(mapEn.title)
    const bad = await fetch(`${server.url}/api/templates?locale=xx`)
    expect(bad.status).toBe(400)
  })

  it('every template id creates a board whose zones arrive with the first sync, written once by the server', async () => {
    const { templates } = await (await fetch(`${server.url}/api/templates`)).json()
    for (const { id } of templates as Array<{ id: string }>) {
      for (const locale of LOCALES) {
        const board = await server.createBoard({ template: id, locale })
        const [a, b] = await Promise.all([
          connectClient(server.wsUrl, board.id, board.tokens.participant),
          connectClient(server.wsUrl, board.id, board.tokens.participant),
        ])
        const records = readRecords(a.doc)
        expect(records.some((r) => r.typeName === 'page'), `${id}/${locale} page`).toBe(true)
        expect(records.some((r) => r.typeName === 'document'), `${id}/${locale} document`).toBe(true)
        if (id !== 'blank') {
          const zones = records.filter((r) => r.typeName === 'shape' && r.type === 'frame')
          expect(zones.length, `${id}/${locale} zones`).toBeGreaterThan(2)
          expect(zones.every((z) => z.typeName === 'shape' && z.isLocked)).toBe(true)
        }
        expect(readSchema(a.doc)).toBeDefined()
        // Two clients joining together see the same single copy: nothing was seeded twice.
        expect(readRecords(b.doc).length).toBe(records.length)
        a.destroy()
        b.destroy()
      }
    }
  })
})
