import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../shared/closeCodes.ts'
import { authorIdFor } from '../../shared/policy/boardRules.ts'
import { addNote, noteText } from '../helpers/boardContent.ts'
import type { SyncClient } from '../helpers/clients.ts'
import { connectRaw, forkDoc } from '../helpers/rawClient.ts'
import { writeSession } from '../../shared/session/sessionState.ts'
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

/**
 * A new paragraph with hand-picked neighbours, as no editor would write it: Yjs places it after
 * `left` (null: the start) and before `right`, and skips over the blocks between them.
 */
function craftedBlock(doc: Y.Doc, left: number | null, right: number, text: string): void {
  const blocks: Y.Item[] = []
  const fragment = doc.getXmlFragment('document')
  for (let item = fragment._start; item; item = item.right) blocks.push(item)
  doc.transact((transaction) => {
    const element = new Y.XmlElement('paragraph')
    const origin = left === null ? null : blocks[left]
    const id = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID))
    new Y.Item(id, origin, origin ? origin.lastId : null, blocks[right], blocks[right].id, fragment, null, new Y.ContentType(element)).integrate(transaction, 0)
    element.insert(0, [new Y.XmlText(text)])
  })
}

/** A board whose document has an open section and a final one ("worked", two paragraphs). */
async function boardWithFinalSection(t: ReturnType<typeof useTestServer>) {
  const board = await t.server.createBoard({ template: 'collective-author' })
  const facilitator = await t.connect(board.id, board.tokens.facilitator)
  facilitator.doc.getXmlFragment('document').insert(0, [
    block('heading', 'Our account', { level: 2, sectionId: 'account' }),
    block('paragraph', 'Open text.'),
    block('heading', 'What worked', { level: 2, sectionId: 'worked' }),
    block('paragraph', 'Final one.'),
    block('paragraph', 'Final two.'),
  ])
  facilitator.doc.getMap('sectionLocks').set('worked', { lockedAt: Date.now() })
  const observer = await t.connect(board.id, board.tokens.observer)
  await waitFor(() => observer.doc.getMap('sectionLocks').has('worked') && textOf(observer).includes('Final two.'), 5000, 'final section seen')
  return { board, facilitator, observer }
}

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

  it('a block crafted to land inside a final section (its right neighbour in it) is refused, never relayed or stored', async () => {
    const { board, observer } = await boardWithFinalSection(t)
    // Left neighbour: none, or the open section's paragraph; right neighbour: the final section's second paragraph.
    for (const left of [null, 1]) {
      const attacker = await connectRaw(t.server.wsUrl, board.id, board.tokens.participant)
      const evil = forkDoc(attacker.doc)
      evil.clientID = 2 ** 31 - 5 // sorts after every honest writer, so Yjs walks into the final section
      craftedBlock(evil, left, 4, `Sneaked in after ${left}`)
      expect(evil.getXmlFragment('document').toArray().map((node) => node.toString())).toContain(`<paragraph>Sneaked in after ${left}</paragraph>`)
      attacker.sendUpdate(Y.encodeStateAsUpdate(evil, Y.encodeStateVector(attacker.doc)))
      expect((await attacker.closed).code).toBe(CLOSE.changeRefused.code)
    }
    // The open section still takes new text (and proves the attempts were handled before it).
    const participant = await t.connect(board.id, board.tokens.participant)
    participant.doc.getXmlFragment('document').insert(2, [block('paragraph', 'More open text.')])
    await waitFor(() => textOf(observer).includes('More open text.'), 5000, 'open section takes changes')
    const expected = 'heading: Our account\nparagraph: Open text.\nparagraph: More open text.\nheading: What worked\nparagraph: Final one.\nparagraph: Final two.'
    expect(textOf(observer)).toBe(expected)
    await t.restart()
    expect(textOf(await t.connect(board.id, board.tokens.observer))).toBe(expected)
  })

  it('a participant cannot give a heading the id of a final section or of another heading; a moved heading keeps its own', async () => {
    const { board, observer } = await boardWithFinalSection(t)
    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['an open heading takes the final section’s id', (doc) => (doc.getXmlFragment('document').get(0) as Y.XmlElement).setAttribute('sectionId', 'worked')],
      ['a new heading takes the final section’s id', (doc) => doc.getXmlFragment('document').insert(2, [block('heading', 'What worked', { level: 2, sectionId: 'worked' })])],
      ['a new heading takes another heading’s id', (doc) => doc.getXmlFragment('document').insert(2, [block('heading', 'Copy', { level: 2, sectionId: 'account' })])],
      ['two new headings share an id', (doc) => doc.getXmlFragment('document').insert(2, [block('heading', 'A', { level: 2, sectionId: 'twin' }), block('heading', 'B', { level: 2, sectionId: 'twin' })])],
    ]
    for (const [what, attempt] of attempts) {
      const participant = await t.connect(board.id, board.tokens.participant)
      attempt(participant.doc)
      await refused(participant, what)
    }
    const participant = await t.connect(board.id, board.tokens.participant)
    const fragment = participant.doc.getXmlFragment('document')
    // A new section of one's own, and moving the open heading below its paragraph (y-prosemirror
    // deletes the block and writes it anew, with its id, in one update).
    fragment.insert(2, [block('heading', 'What we would change', { level: 2, sectionId: 'change' })])
    participant.doc.transact(() => {
      fragment.delete(0, 1)
      fragment.insert(1, [block('heading', 'Our account', { level: 2, sectionId: 'account' })])
    })
    await waitFor(() => textOf(observer).startsWith('paragraph: Open text.\nheading: Our account\nheading: What we would change'), 5000, 'own ids taken')
    expect(participant.closes).toEqual([])
    const ids = observer.doc.getXmlFragment('document').toArray().map((node) => (node as Y.XmlElement).getAttribute('sectionId') ?? '-')
    expect(ids).toEqual(['-', 'account', 'change', 'worked', '-', '-'])
  })

  it('while the board is frozen, participants change neither the document, nor comments, nor authorship; the facilitator can', async () => {
    const { board, facilitator, observer } = await boardWithFinalSection(t)
    writeSession(facilitator.doc, { frozen: true })
    const secret = 'frozen-writer-0123456789'
    const author = { id: authorIdFor(board.id, secret), group: 'researcher' }
    const attempts: Array<[string, (doc: Y.Doc) => void]> = [
      ['write in an open section', (doc) => ((doc.getXmlFragment('document').get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Frozen? ')],
      [
        'start a comment thread',
        (doc) =>
          doc.transact(() => {
            const thread = new Y.Map<unknown>()
            for (const [key, value] of Object.entries({ anchor: { start: { type: null }, end: { type: null } }, quote: 'Open text.', resolved: false, createdAt: Date.now(), author })) thread.set(key, value)
            thread.set('replies', new Y.Array())
            doc.getMap('comments').set('frozen-thread', thread)
          }),
      ],
      ['record a contribution', (doc) => doc.getMap('authorship').set('account', new Y.Map([[author.id, { group: 'researcher', lastEdited: Date.now() }]]))],
    ]
    for (const [what, attempt] of attempts) {
      const participant = await t.connect(board.id, board.tokens.participant, { authorSecret: secret })
      await waitFor(() => participant.doc.getMap('session').get('frozen') === true, 5000, 'frozen seen')
      attempt(participant.doc)
      await refused(participant, what)
    }
    ;((facilitator.doc.getXmlFragment('document').get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Facilitator: ')
    await waitFor(() => textOf(observer).includes('Facilitator: Open text.'), 5000, 'the facilitator writes while frozen')
    expect(textOf(observer)).not.toContain('Frozen?')
    expect(observer.doc.getMap('comments').size).toBe(0)
    expect(observer.doc.getMap('authorship').size).toBe(0)
    // Thawed: participants write again.
    writeSession(facilitator.doc, { frozen: false })
    const participant = await t.connect(board.id, board.tokens.participant, { authorSecret: secret })
    await waitFor(() => participant.doc.getMap('session').get('frozen') === false, 5000, 'thaw seen')
    attempts[0][1](participant.doc)
    await waitFor(() => textOf(observer).includes('Frozen? Facilitator: Open text.') || textOf(observer).includes('Facilitator: Frozen? Open text.'), 5000, 'written after the thaw')
    expect(participant.closes).toEqual([])
  })
})
