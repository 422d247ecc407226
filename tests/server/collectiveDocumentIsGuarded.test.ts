import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { authorIdFor } from '../../shared/policy/boardRules.ts'
import { addNote, noteText } from '../helpers/boardContent.ts'
import type { SyncClient } from '../helpers/clients.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { waitFor } from '../helpers/wait.ts'

/** A block as y-prosemirror writes it: an XmlElement with attributes and text. */
function block(name: string, text: string, attributes: Record<string, unknown> = {}): Y.XmlElement {
  const element = new Y.XmlElement(name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string)
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** The document's blocks as plain text, one per line. */
const textOf = (client: SyncClient) =>
  client.doc
    .getXmlFragment('document')
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? `${node.nodeName}: ${node.toArray().map((t) => t.toString().replace(/<[^>]+>/g, '')).join('')}` : ''))
    .join('\n')

const refused = (client: SyncClient, what: string) =>
  waitFor(() => client.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, what)

describe('the collective-author document', () => {
  const t = useTestServer()

  it('two stock clients write into `document`, converge, and it survives a restart; an observer’s write is not kept', async () => {
    const board = await t.server.createBoard({ template: 'collective-author' })
    const a = await t.connect(board.id, board.tokens.participant)
    const b = await t.connect(board.id, board.tokens.participant)
    a.doc.getXmlFragment('document').insert(0, [block('heading', 'Our account', { level: 1, sectionId: 'account' }), block('paragraph', 'We met in March.')])
    await waitFor(() => textOf(b).includes('We met in March.'), 5000, 'b sees a')
    // Both type into the same paragraph at once.
    const paragraphAt = (client: SyncClient) => (client.doc.getXmlFragment('document').get(1) as Y.XmlElement).get(0) as Y.XmlText
    paragraphAt(a).insert(0, 'First, ')
    paragraphAt(b).insert(paragraphAt(b).length, ' Then we wrote.')
    await waitFor(() => textOf(a) === textOf(b) && textOf(a).includes('First,') && textOf(a).includes('Then we wrote.'), 5000, 'converged')

    const observer = await t.connect(board.id, board.tokens.observer)
    observer.doc.getXmlFragment('document').insert(0, [block('paragraph', 'Observer was here')])
    await waitFor(() => observer.denied.length > 0, 5000, 'observer told')
    await t.restart()
    const fresh = await t.connect(board.id, board.tokens.observer)
    expect(textOf(fresh)).toBe('heading: Our account\nparagraph: First, We met in March. Then we wrote.')
  })

  it('a section marked final changes only by the facilitator; other sections stay open', async () => {
    const board = await t.server.createBoard({ template: 'collective-author' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator)
    const fragment = facilitator.doc.getXmlFragment('document')
    fragment.insert(0, [
      block('heading', 'What worked', { level: 2, sectionId: 'worked' }),
      block('paragraph', 'Meeting in the library.'),
      block('heading', 'What we would change', { level: 2, sectionId: 'change' }),
      block('paragraph', 'Fewer e-mails.'),
    ])
    facilitator.doc.getMap('sectionLocks').set('worked', { lockedAt: Date.now() })
    const observer = await t.connect(board.id, board.tokens.observer)
    await waitFor(() => observer.doc.getMap('sectionLocks').has('worked'), 5000, 'lock seen')

    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['edit text in the final section', (doc) => ((doc.getXmlFragment('document').get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Not ')],
      ['add a paragraph inside it', (doc) => doc.getXmlFragment('document').insert(2, [block('paragraph', 'Sneaked in')])],
      ['delete its heading', (doc) => doc.getXmlFragment('document').delete(0, 1)],
      ['retitle its heading', (doc) => (doc.getXmlFragment('document').get(0) as Y.XmlElement).setAttribute('sectionId', 'other')],
    ]
    for (const [what, attempt] of attempts) {
      const participant = await t.connect(board.id, board.tokens.participant)
      attempt(participant.doc)
      await refused(participant, what)
    }
    const participant = await t.connect(board.id, board.tokens.participant)
    ;((participant.doc.getXmlFragment('document').get(3) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Much ')
    participant.doc.getXmlFragment('document').insert(4, [block('paragraph', 'More time between sessions.')])
    await waitFor(() => textOf(observer).includes('More time between sessions.'), 5000, 'open section takes changes')
    expect(textOf(observer)).toBe(
      'heading: What worked\nparagraph: Meeting in the library.\nheading: What we would change\nparagraph: Much Fewer e-mails.\nparagraph: More time between sessions.',
    )
    // The facilitator may still change the final section.
    ;((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Always ')
    await waitFor(() => textOf(observer).includes('Always Meeting'), 5000, 'facilitator edits final section')
  })

  it('refuses nodes and marks the app does not know', async () => {
    const board = await t.server.createBoard({ template: 'collective-author' })
    const a = await t.connect(board.id, board.tokens.participant)
    a.doc.getXmlFragment('document').insert(0, [block('script', 'alert(1)')])
    await refused(a, 'unknown node')
    const b = await t.connect(board.id, board.tokens.participant)
    b.doc.getXmlFragment('document').insert(0, [block('paragraph', 'plain')])
    await waitFor(() => b.doc.getXmlFragment('document').length === 1, 5000, 'paragraph')
    ;((b.doc.getXmlFragment('document').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 5, { onclick: 'x' })
    await refused(b, 'unknown mark')
  })

  it('comment threads carry their writer’s own id; concurrent replies are all kept; names never on anonymous boards', async () => {
    const board = await t.server.createBoard({ template: 'collective-author', anonymous: true })
    const secretA = 'astrid-secret-0123456789'
    const secretB = 'bo-secret-0123456789abcd'
    const a = await t.connect(board.id, board.tokens.participant, { authorSecret: secretA })
    const b = await t.connect(board.id, board.tokens.participant, { authorSecret: secretB })
    const observer = await t.connect(board.id, board.tokens.observer)
    const authorA = { id: authorIdFor(board.id, secretA), group: 'citizen-service-user' }
    const authorB = { id: authorIdFor(board.id, secretB), group: 'researcher' }
    a.doc.transact(() => {
      const thread = new Y.Map<unknown>()
      thread.set('anchor', { start: { type: null }, end: { type: null } })
      thread.set('quote', 'We met in March.')
      thread.set('resolved', false)
      thread.set('createdAt', Date.now())
      thread.set('author', authorA)
      thread.set('replies', new Y.Array())
      a.doc.getMap('comments').set('t1', thread)
    })
    await waitFor(() => b.doc.getMap('comments').has('t1'), 5000, 'thread at b')
    const reply = (author: object, text: string) => ({ id: Math.random().toString(36).slice(2), text, createdAt: Date.now(), author })
    ;((a.doc.getMap('comments').get('t1') as Y.Map<unknown>).get('replies') as Y.Array<unknown>).push([reply(authorA, 'It was April.')])
    ;((b.doc.getMap('comments').get('t1') as Y.Map<unknown>).get('replies') as Y.Array<unknown>).push([reply(authorB, 'Both, I think.')])
    await waitFor(() => ((observer.doc.getMap('comments').get('t1') as Y.Map<unknown> | undefined)?.get('replies') as Y.Array<unknown> | undefined)?.length === 2, 5000, 'both replies')

    // Someone else's id, or a name on an anonymous board: refused.
    ;((b.doc.getMap('comments').get('t1') as Y.Map<unknown>).get('replies') as Y.Array<unknown>).push([reply(authorA, 'Pretending to be Astrid')])
    await refused(b, 'reply under another id')
    const c = await t.connect(board.id, board.tokens.participant, { authorSecret: secretA })
    ;((c.doc.getMap('comments').get('t1') as Y.Map<unknown>).get('replies') as Y.Array<unknown>).push([reply({ ...authorA, name: 'Astrid' }, 'With my name')])
    await refused(c, 'a name on an anonymous board')
    const writer = await t.connect(board.id, board.tokens.participant)
    addNote(writer.doc, 'marker', 'marker')
    await waitFor(() => noteText(observer.doc, 'marker'), 5000, 'marker')
    expect(((observer.doc.getMap('comments').get('t1') as Y.Map<unknown>).get('replies') as Y.Array<unknown>).length).toBe(2)
  })
})
