import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { authorIdFor } from '../../shared/policy/boardRules.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

function block(name: string, text: string, attributes: Record<string, unknown> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string)
  if (text) element.insert(0, [new Y.XmlText(text)])
  return element
}

describe('GET /api/boards/<id>/document/export', () => {
  const t = useTestServer()
  const get = (path: string, token: string) => fetch(`${t.server.url}/api/boards${path}`, { headers: { Authorization: `Bearer ${token}` } })

  it('gives the document as Markdown and Word, with quoted notes, the author line and comments on request', async () => {
    const board = await t.server.createBoard({ template: 'collective-author', title: 'Our account of Aarhus' })
    const secret = 'astrid-secret-0123456789'
    const writer = await t.connect(board.id, board.tokens.participant, { authorSecret: secret })
    const author = { id: authorIdFor(board.id, secret), group: 'citizen-service-user', name: 'Astrid' }
    writer.doc.transact(() => {
      const quote = new Y.XmlElement('boardNote')
      quote.setAttribute('noteId', 'shape:n1')
      quote.setAttribute('text', 'Lonely elderly people')
      quote.setAttribute('group', 'citizen-service-user')
      writer.doc.getXmlFragment('document').insert(0, [block('heading', 'What worked', { level: 2, sectionId: 'worked' }), block('paragraph', 'Meeting in the library.'), quote])
      const section = new Y.Map<unknown>()
      writer.doc.getMap('authorship').set('worked', section)
      section.set(author.id, { group: author.group, name: 'Astrid', lastEdited: Date.now() })
      const thread = new Y.Map<unknown>()
      thread.set('anchor', { start: { type: null }, end: { type: null } })
      thread.set('quote', 'library')
      thread.set('resolved', false)
      thread.set('createdAt', Date.now())
      thread.set('author', author)
      thread.set('replies', Y.Array.from([{ id: 'r1', text: 'Which library?', createdAt: Date.now(), author }]))
      writer.doc.getMap('comments').set('t1', thread)
    })
    await waitFor(async () => (await (await get(`/${board.id}/document/export?format=md`, board.tokens.observer)).text()).includes('library'), 5000, 'stored')

    const md = await get(`/${board.id}/document/export?format=md`, board.tokens.observer)
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/)
    expect(md.headers.get('content-disposition')).toContain("filename*=UTF-8''Our%20account%20of%20Aarhus.md")
    const text = await md.text()
    expect(text).toContain('## What worked')
    expect(text).toContain('Meeting in the library.')
    expect(text).toContain('Lonely elderly people')
    expect(text).toContain('Astrid')
    expect(text).not.toContain('Which library?')
    const withComments = await (await get(`/${board.id}/document/export?format=md&comments=true`, board.tokens.participant)).text()
    expect(withComments).toContain('Which library?')

    const docx = await get(`/${board.id}/document/export?format=docx&comments=true`, board.tokens.facilitator)
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/)
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml'])
    expect(xml).toContain('Meeting in the library.')
    expect(xml.indexOf('Lonely elderly people')).toBeGreaterThan(xml.indexOf('What worked'))
    expect(xml).toContain('Which library?')
  })

  it('keeps the export rules of the board: no names on anonymous boards, off when the facilitator says so, formats named', async () => {
    const board = await t.server.createBoard({ template: 'collective-author', anonymous: true })
    const secret = 'bo-secret-0123456789abcd'
    const writer = await t.connect(board.id, board.tokens.participant, { authorSecret: secret })
    writer.doc.transact(() => {
      writer.doc.getXmlFragment('document').insert(0, [block('paragraph', 'We wrote this together.')])
      const section = new Y.Map<unknown>()
      writer.doc.getMap('authorship').set('_preamble', section)
      section.set(authorIdFor(board.id, secret), { group: 'researcher', lastEdited: Date.now() })
    })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    await waitFor(() => facilitator.doc.getXmlFragment('document').length === 1, 5000, 'document at the facilitator')
    const text = await (await get(`/${board.id}/document/export?format=md`, board.tokens.participant)).text()
    expect(text).toContain('We wrote this together.')
    expect(text).toMatch(/researchers?/i)

    facilitator.doc.getMap('settings').set('exportsAllowed', false)
    await waitFor(async () => (await get(`/${board.id}/document/export?format=md`, board.tokens.observer)).status === 403, 5000, 'exports off')
    expect((await get(`/${board.id}/document/export?format=md`, board.tokens.facilitator)).status).toBe(200)
    expect((await get(`/${board.id}/document/export?format=pdf`, board.tokens.facilitator)).status).toBe(400)
    expect((await fetch(`${t.server.url}/api/boards/${board.id}/document/export?format=md`)).status).toBe(401)
  })
})
