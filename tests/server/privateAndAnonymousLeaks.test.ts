import { toRichText } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { asDraft, isDraft, published } from '../../client/src/privateWriting/drafts.ts'
import { bindStoreToYDoc } from '../../client/src/sync/bindStoreToYDoc.ts'
import { CLOSE } from '../../shared/closeCodes.ts'
import { writeSession } from '../../shared/session/sessionState.ts'
import { STAKEHOLDER_GROUP_LABELS } from '../../shared/stakeholderGroups.ts'
import { getRecordsMap } from '../../shared/tldrawYjs/recordsDoc.ts'
import { makeNote, makeTestStore } from '../../shared/tldrawYjs/testing.ts'
import type { VoteRecord } from '../../shared/voting/voting.ts'
import { addNote, noteText } from '../helpers/boardContent.ts'
import { occurrences, storeBytes, totalBytes } from '../helpers/leaks.ts'
import { connectRaw, type RawClient } from '../helpers/rawClient.ts'
import { useTestServer } from '../helpers/testServer.ts'
import { joinAsVoter } from '../helpers/voters.ts'
import { waitFor } from '../helpers/wait.ts'

/*
 * Issue 11's leak checks at the server: a real server (SQLite, logging everything down to
 * trace), stock y-websocket clients as the browsers, and a raw watcher that keeps the bytes of
 * every frame it receives — sync and awareness. During a private-writing phase and an anonymous
 * session, those frames, the raw database file and its WAL, and every line the server logged are
 * searched for the private text, the names and, before the close, the ballots. Each search has a
 * positive control: something that must be found, so that a search that finds nothing means it.
 */

const DRAFT = 'Quiet idea: evening hours for carers'
const PUBLISHED = 'Bus stop closer to the library'
const PIA = 'Pia Lindqvist-Citizen'
const ZELDA = 'Zelda Quietname'
/** The key "dots" as Yjs encodes an object key inside a value (its length, then the letters): a ballot or a tally. */
const DOTS_KEY = '\u0004dots'

describe('private writing and anonymous boards leak nothing', () => {
  const logged: string[] = []
  const t = useTestServer({ env: { LOG_LEVEL: 'trace' }, logDestination: { write: (line: string) => { logged.push(line) } } })
  const watchers: RawClient[] = []
  afterEach(() => {
    for (const watcher of watchers.splice(0)) watcher.close()
    logged.length = 0
  })
  const watch = async (boardId: string, token: string) => {
    const watcher = await connectRaw(t.server.wsUrl, boardId, token)
    watchers.push(watcher)
    return watcher
  }
  /** What is searched: the frames the watcher received, the raw store files, everything logged. */
  const gathered = (watcher: RawClient) => ({ frames: watcher.frames, store: storeBytes(t.server.dataDir), logs: [Buffer.from(logged.join(''))] })
  const expectNowhere = (sources: Record<string, readonly Uint8Array[]>, ...needles: string[]) => {
    for (const needle of needles) for (const [where, bytes] of Object.entries(sources)) expect(occurrences(bytes, needle), `${JSON.stringify(needle)} in ${where}`).toBe(0)
  }
  const report = (what: string, watcher: RawClient, needles: Record<string, number>) =>
    console.log(
      `leak check (${what}): ${watcher.frames.length} frames (${totalBytes(watcher.frames)} bytes), ${totalBytes(storeBytes(t.server.dataDir))} store bytes, ` +
        `${logged.length} log lines inspected; ${Object.entries(needles).map(([k, n]) => `${k}: ${n}`).join(', ')}`,
    )

  it('a private draft and the ballots reach no frame, no store byte and no log line before they are published', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'Library opening hours' })
    const facilitator = await t.connect(board.id, board.tokens.facilitator, { authorSecret: 'facilitator-secret-0000' })
    const watcher = await watch(board.id, board.tokens.observer)
    writeSession(facilitator.doc, { privateWriting: { active: true, revealSeq: 0 } })
    // Pia's device, as the browser binds it: drafts are kept out of the board's document.
    const pia = await joinAsVoter(t.server, board, 'pia-secret-00000000000', 'citizen-service-user', PIA)
    const device = makeTestStore()
    const binding = bindStoreToYDoc({ store: device, doc: pia.client.doc, keepLocal: isDraft })
    try {
      const note = (key: string, text: string) => makeNote(key, { props: { ...makeNote(key).props, richText: toRichText(text) }, meta: { group: 'citizen-service-user' } })
      device.put([asDraft(note('draft', DRAFT), 0), note('published', PUBLISHED)])
      await waitFor(() => noteText(watcher.doc, 'published'), 5000, 'the published note at the watcher')

      // A dot vote runs; three people vote (Pia and two more citizens).
      const start = await fetch(`${t.server.url}/api/boards/${board.id}/votes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${board.tokens.facilitator}`, 'Content-Type': 'application/json' },
        body: '{}',
      })
      const vote = (await start.json()) as VoteRecord
      const others = await Promise.all(['b', 'c'].map((k) => joinAsVoter(t.server, board, `citizen-${k}-secret-000000`, 'citizen-service-user')))
      for (const voter of [pia, ...others]) expect((await voter.cast(vote.id, { 'shape:published': 2 })).status).toBe(200)
      const progress = await fetch(`${t.server.url}/api/boards/${board.id}/votes/${vote.id}/progress`, { headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })
      expect(await progress.json()).toMatchObject({ voters: 3, dots: 6 })
      await waitFor(() => occurrences(storeBytes(t.server.dataDir), PUBLISHED) > 0, 5000, 'the published note stored')

      const { frames, store, logs } = gathered(watcher)
      // Nothing private anywhere; the ballots (kept in the store, by design) are in no frame or log line.
      expectNowhere({ frames, store, logs }, DRAFT)
      expectNowhere({ frames }, DOTS_KEY)
      expectNowhere({ logs }, '"dots"', 'shape:published', PIA)
      // The positive controls: the published note and — on this named board — Pia's name (in her presence) are found.
      expect(occurrences(frames, PUBLISHED)).toBeGreaterThan(0)
      expect(occurrences(store, PUBLISHED)).toBeGreaterThan(0)
      expect(occurrences(frames, PIA)).toBeGreaterThan(0)
      expect(logged.length).toBeGreaterThan(10)
      report('private phase', watcher, { draft: occurrences([...frames, ...store, ...logs], DRAFT), 'ballots before close': occurrences(frames, DOTS_KEY) })

      // Once closed, the tally is in the frames: the search for it would have found a ballot.
      await fetch(`${t.server.url}/api/boards/${board.id}/votes/${vote.id}/close`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.facilitator}` } })
      await waitFor(() => occurrences(watcher.frames, DOTS_KEY) > 0, 5000, 'the results in a frame')
      // Publishing the draft sends it, and only then.
      device.put([published(device.get('shape:draft' as never)! as never)])
      await waitFor(() => noteText(watcher.doc, 'draft'), 5000, 'the draft once published')
      expect(occurrences(watcher.frames, DRAFT)).toBeGreaterThan(0)
    } finally {
      binding.dispose()
    }
  })

  it('an anonymous session: no name in any frame, the store or the log, even from a client that tries', async () => {
    const board = await t.server.createBoard({ template: 'blank', title: 'Anonymous check-in', anonymous: true })
    const watcher = await watch(board.id, board.tokens.observer)
    // An honest browser on an anonymous board shows its group where a name would be.
    const honest = await joinAsVoter(t.server, board, 'honest-secret-000000000', 'elected-politician', STAKEHOLDER_GROUP_LABELS['elected-politician'].en)
    addNote(honest.client.doc, 'thought', 'An anonymous thought', { meta: { group: 'elected-politician' } } as never)
    await waitFor(() => noteText(watcher.doc, 'thought'), 5000, 'an anonymous note')
    // A modified client tries to keep Zelda's name: a tldraw user record, and an author name on a note.
    for (const attempt of [
      (doc: Y.Doc) => getRecordsMap(doc).set('user:zelda', new Y.Map<unknown>(Object.entries({ id: 'user:zelda', typeName: 'user', name: ZELDA, color: '#E69F00', imageUrl: '', meta: {} }))),
      (doc: Y.Doc) => addNote(doc, 'signed', 'Signed', { meta: { group: 'other', authorName: ZELDA } } as never),
    ]) {
      const pushy = await t.connect(board.id, board.tokens.participant, { authorSecret: 'pushy-secret-0000000000' })
      attempt(pushy.doc)
      await waitFor(() => pushy.closes.some((c) => c.code === CLOSE.changeRefused.code), 5000, 'the name refused')
    }
    await waitFor(() => logged.some((line) => line.includes('an anonymous board keeps no names')), 5000, 'the refusal logged')
    const { frames, store, logs } = gathered(watcher)
    expectNowhere({ frames, store, logs }, ZELDA)
    expect(occurrences(frames, 'An anonymous thought')).toBeGreaterThan(0)
    report('anonymous session', watcher, { name: occurrences([...frames, ...store, ...logs], ZELDA) })

    // The positive control: on a named board the same record is kept, relayed and stored.
    const named = await t.server.createBoard({ template: 'blank', title: 'Named check-in' })
    const namedWatcher = await watch(named.id, named.tokens.observer)
    const writer = await t.connect(named.id, named.tokens.participant)
    getRecordsMap(writer.doc).set('user:zelda', new Y.Map<unknown>(Object.entries({ id: 'user:zelda', typeName: 'user', name: ZELDA, color: '#E69F00', imageUrl: '', meta: {} })))
    await waitFor(() => occurrences(namedWatcher.frames, ZELDA) > 0, 5000, 'the name relayed on a named board')
    await waitFor(() => occurrences(storeBytes(t.server.dataDir), ZELDA) > 0, 5000, 'the name stored on a named board')
  })
})
