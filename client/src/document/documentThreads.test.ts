import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { authorsBySection, recordContribution } from './documentAuthorship.ts'
import { readThreads, replyTo, setResolved, startThread } from './documentThreads.ts'

const astrid = { id: 'author-astrid', group: 'citizen-service-user' as const, name: 'Astrid' }
const bo = { id: 'author-bo', group: 'researcher' as const }

describe('comment threads', () => {
  it('start with a comment, take replies from two writers at once, and resolve', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    startThread(a, { id: 't1', anchor: { start: { assoc: 0 }, end: { assoc: 0 } }, quote: 'the library', author: astrid, text: ' Which one? ', now: 1, replyId: 'r1' })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    replyTo(a, 't1', { id: 'r2', text: 'The main one.', createdAt: 2, author: astrid })
    replyTo(b, 't1', { id: 'r3', text: 'Both, I think.', createdAt: 2, author: bo })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    setResolved(b, 't1', true)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const [thread] = readThreads(a)
    expect(thread.quote).toBe('the library')
    expect(thread.resolved).toBe(true)
    expect(thread.replies.map((r) => r.text).sort()).toEqual(['Both, I think.', 'The main one.', 'Which one?'])
    expect(readThreads(b)).toEqual(readThreads(a))
  })

  it('refuse an empty comment', () => {
    expect(() => startThread(new Y.Doc(), { id: 't', anchor: { start: {}, end: {} }, quote: '', author: bo, text: '  ', now: 1, replyId: 'r' })).toThrow()
  })
})

describe('authorship', () => {
  it('records each writer once per section, not at every keystroke, and hides names on anonymous boards', () => {
    const doc = new Y.Doc()
    expect(recordContribution(doc, 'worked', astrid.id, { group: astrid.group, name: 'Astrid', lastEdited: 1000 })).toBe(true)
    expect(recordContribution(doc, 'worked', astrid.id, { group: astrid.group, name: 'Astrid', lastEdited: 2000 })).toBe(false)
    expect(recordContribution(doc, 'worked', bo.id, { group: bo.group, lastEdited: 2000 })).toBe(true)
    expect(recordContribution(doc, 'worked', astrid.id, { group: astrid.group, name: 'Astrid', lastEdited: 40_000 })).toBe(true)
    expect(authorsBySection(doc, false).get('worked')).toEqual({ writers: 2, names: ['Astrid'], groups: ['citizen-service-user', 'researcher'] })
    expect(authorsBySection(doc, true).get('worked')?.names).toEqual([])
  })
})
