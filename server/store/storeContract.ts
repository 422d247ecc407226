import { describe, expect, it } from 'vitest'
import type { DocStore } from './DocStore.ts'

/** Opens a fresh, empty store; `dispose` closes it and removes its data. */
export type OpenStore = () => Promise<{ store: DocStore; reopen(): Promise<DocStore>; dispose(): Promise<void> }>

const board = (id: string) => ({ id, title: `Board ${id}`, template: 'blank', locale: 'en' as const, createdAt: 1_700_000_000_000 })
const hashes = (id: string) => ({ facilitator: `f-${id}`, participant: `p-${id}`, observer: `o-${id}` })
const u = (...values: number[]) => new Uint8Array(values)

/**
 * What every store promises, run against SQLite and PostgreSQL alike (see the two
 * *.contract.test.ts files): boards and links, the document log, templates, assets, ballots and
 * versions.
 */
export function describeStoreContract(name: string, open: OpenStore): void {
  describe(`${name} store contract`, () => {
    const withStore = (test: (store: DocStore, reopen: () => Promise<DocStore>) => Promise<void>) => async () => {
      const opened = await open()
      try {
        await test(opened.store, opened.reopen)
      } finally {
        await opened.dispose()
      }
    }

    it(
      'keeps boards and their links; a replaced link stops granting its role',
      withStore(async (store) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0, 0))
        expect(await store.getBoard('b1')).toEqual(board('b1'))
        expect(await store.getBoard('nope')).toBeUndefined()
        expect(await store.roleForTokenHash('b1', 'p-b1')).toBe('participant')
        expect(await store.roleForTokenHash('b1', 'f-b2')).toBeUndefined()
        await store.replaceTokenHash('b1', 'participant', 'p2-b1')
        expect(await store.roleForTokenHash('b1', 'p-b1')).toBeUndefined()
        expect(await store.roleForTokenHash('b1', 'p2-b1')).toBe('participant')
        await store.createBoard(board('b2'), hashes('b2'), u(0, 0))
        expect(await store.tokenHashes(['b1', 'b2', 'nope'])).toEqual(
          new Map([
            ['b1', new Map([['facilitator', 'f-b1'], ['participant', 'p2-b1'], ['observer', 'o-b1']])],
            ['b2', new Map([['facilitator', 'f-b2'], ['participant', 'p-b2'], ['observer', 'o-b2']])],
          ]),
        )
        await expect(store.createBoard(board('b1'), hashes('b1'), u(0, 0))).rejects.toThrow()
      }),
    )

    it(
      'appends updates durably with increasing sequence numbers per board and reads them back after reopening',
      withStore(async (store, reopen) => {
        await store.createBoard(board('b1'), hashes('b1'), u(9, 9))
        await store.createBoard(board('b2'), hashes('b2'), u(8))
        const seqs = [await store.appendUpdate('b1', u(1)), await store.appendUpdate('b2', u(5)), await store.appendUpdate('b1', u(2)), await store.appendUpdate('b1', u(3))]
        expect(seqs[2]).toBeGreaterThan(seqs[0])
        expect(seqs[3]).toBeGreaterThan(seqs[2])
        if (store.gaplessSequence) expect([seqs[0], seqs[2], seqs[3], seqs[1]]).toEqual([1, 2, 3, 1])
        const reopened = await reopen()
        const doc = await reopened.loadDoc('b1')
        expect(doc.snapshot).toEqual(u(9, 9))
        expect(doc.updates).toEqual([u(1), u(2), u(3)])
        expect(doc.lastSeq).toBe(seqs[3])
        const since = await reopened.readSince('b1', seqs[0])
        expect(since).toEqual({ snapshot: null, updates: [{ seq: seqs[2], data: u(2) }, { seq: seqs[3], data: u(3) }], lastSeq: seqs[3] })
        await expect(reopened.appendUpdate('missing', u(1))).rejects.toThrow()
        expect(await reopened.latestSeqs(['b1', 'b2', 'missing'])).toEqual(new Map([['b1', seqs[3]], ['b2', seqs[1]]]))
      }),
    )

    it(
      'compacts only up to the given sequence: rows appended meanwhile stay, older snapshots are refused',
      withStore(async (store) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0))
        const s1 = await store.appendUpdate('b1', u(1))
        const s2 = await store.appendUpdate('b1', u(2))
        const s3 = await store.appendUpdate('b1', u(3))
        expect(await store.compact('b1', u(7, 7), s2)).toBe(true)
        const doc = await store.loadDoc('b1')
        expect(doc).toEqual({ snapshot: u(7, 7), updates: [u(3)], lastSeq: s3 })
        // A late compaction from an instance that saw less must not replace the newer snapshot.
        expect(await store.compact('b1', u(6), s1)).toBe(false)
        expect((await store.loadDoc('b1')).snapshot).toEqual(u(7, 7))
        // Someone behind the snapshot catches up with the snapshot and what follows it.
        expect(await store.readSince('b1', s1)).toEqual({ snapshot: u(7, 7), updates: [{ seq: s3, data: u(3) }], lastSeq: s3 })
        const s4 = await store.appendUpdate('b1', u(4))
        expect(s4).toBeGreaterThan(s3)
        // Concurrent attempts: every one that writes leaves a consistent log; nothing after its sequence goes.
        const results = await Promise.all([store.compact('b1', u(8), s3), store.compact('b1', u(8), s3)])
        expect(results).toContain(true)
        expect(await store.loadDoc('b1')).toEqual({ snapshot: u(8), updates: [u(4)], lastSeq: s4 })
      }),
    )

    it(
      'caps custom templates per board and overall, and frees a place on delete',
      withStore(async (store) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0))
        const quota = { maxPerBoard: 2, maxTotal: 3 }
        const t = (id: string, owner: string | null) => ({ id, json: `{"id":"${id}"}`, ownerBoardId: owner })
        const first = await Promise.all([store.putCustomTemplate(t('a', 'b1'), quota), store.putCustomTemplate(t('b', 'b1'), quota), store.putCustomTemplate(t('c', 'b1'), quota)])
        expect(first.sort()).toEqual(['board-quota', 'stored', 'stored'])
        expect(await store.putCustomTemplate(t('a', null), quota)).toBe('taken')
        expect(await store.putCustomTemplate(t('d', null), quota)).toBe('stored')
        expect(await store.putCustomTemplate(t('e', null), quota)).toBe('total-quota')
        const listed = await store.listCustomTemplates()
        expect(listed).toHaveLength(3)
        expect(listed.find((x) => x.id === 'd')).toEqual(t('d', null))
        expect(await store.deleteCustomTemplate('d')).toBe(true)
        expect(await store.deleteCustomTemplate('d')).toBe(false)
        expect(await store.putCustomTemplate(t('e', null), quota)).toBe('stored')
      }),
    )

    it(
      'stores images as bytes within the board quota, checked atomically',
      withStore(async (store) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0))
        const asset = (id: string, size: number) => ({ boardId: 'b1', id, mimeType: 'image/png', data: new Uint8Array(size).fill(7), createdAt: 42 })
        const results = await Promise.all([store.putAsset(asset('a1', 600), { maxBoardBytes: 1000 }), store.putAsset(asset('a2', 600), { maxBoardBytes: 1000 })])
        expect(results.filter((r) => r.stored)).toHaveLength(1)
        expect(results).toContainEqual({ stored: false, usedBytes: 600 })
        expect(await store.assetBytes('b1')).toBe(600)
        const stored = results[0].stored ? 'a1' : 'a2'
        expect(await store.getAsset('b1', stored)).toEqual(asset(stored, 600))
        expect(await store.getAsset('b1', 'none')).toBeUndefined()
      }),
    )

    it(
      'keeps votes and secret ballots; only one close wins',
      withStore(async (store) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0))
        const vote = { boardId: 'b1', id: 'v1', config: { dots: 3 } as never, status: 'open' as const, startedAt: 10, endsAt: 20, closedAt: null }
        await store.ballots.createVote(vote)
        expect(await store.ballots.getVote('b1', 'v1')).toEqual(vote)
        expect(await store.ballots.openVotes()).toEqual([vote])
        await store.ballots.putBallot('b1', 'v1', 'voter1', { group: 'residents', dots: { n1: 2 } } as never)
        await store.ballots.putBallot('b1', 'v1', 'voter1', { group: 'residents', dots: { n1: 1 } } as never)
        await store.ballots.putBallot('b1', 'v1', 'voter2', { group: 'staff', dots: { n2: 1 } } as never)
        expect(await store.ballots.getBallot('b1', 'v1', 'voter1')).toEqual({ group: 'residents', dots: { n1: 1 } })
        expect(await store.ballots.listBallots('b1', 'v1')).toHaveLength(2)
        const closes = await Promise.all([store.ballots.closeVote('b1', 'v1', 30), store.ballots.closeVote('b1', 'v1', 31)])
        expect(closes.sort()).toEqual([false, true])
        expect((await store.ballots.getVote('b1', 'v1'))?.status).toBe('closed')
        expect(await store.ballots.openVotes()).toEqual([])
      }),
    )

    it(
      'keeps versions, newest first; renames and deletes them',
      withStore(async (store) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0))
        const version = (id: string, createdAt: number) => ({ id, boardId: 'b1', createdAt, label: null, kind: 'auto' as const, noteCount: 2, bytes: 3 })
        await store.versions.addVersion(version('v1', 100), u(1, 2, 3))
        await store.versions.addVersion(version('v2', 200), u(4, 5, 6))
        expect((await store.versions.listVersions('b1')).map((v) => v.id)).toEqual(['v2', 'v1'])
        expect(await store.versions.getVersion('b1', 'v1')).toEqual({ version: version('v1', 100), snapshot: u(1, 2, 3) })
        expect(await store.versions.renameVersion('b1', 'v1', 'after the workshop')).toBe(true)
        expect(await store.versions.renameVersion('b1', 'nope', 'x')).toBe(false)
        expect((await store.versions.getVersion('b1', 'v1'))?.version.label).toBe('after the workshop')
        await store.versions.deleteVersions('b1', ['v1'])
        expect((await store.versions.listVersions('b1')).map((v) => v.id)).toEqual(['v2'])
        expect(await store.checkIntegrity()).toEqual({ ok: true })
      }),
    )

    it(
      'adds an automatic version only when none was kept since the given time, one caller at a time',
      withStore(async (store) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0))
        const version = (id: string, createdAt: number) => ({ id, boardId: 'b1', createdAt, label: null, kind: 'auto' as const, noteCount: 0, bytes: 1 })
        expect(await store.versions.addVersionUnlessKeptSince(version('a1', 1000), u(1), 0)).toBeNull()
        // Another instance's timer fired a moment later: the version kept at 1000 makes its own unnecessary.
        expect(await store.versions.addVersionUnlessKeptSince(version('b1', 1005), u(2), 500)).toBe(1000)
        expect(await store.versions.addVersionUnlessKeptSince(version('b2', 2000), u(2), 1000)).toBeNull()
        // Eight at once (instances whose timers fire together, each on its own connection): one is kept.
        const all = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.versions.addVersionUnlessKeptSince(version(`c${i}`, 3000 + i), u(3), 2500)),
        )
        expect(all.filter((r) => r === null)).toHaveLength(1)
        expect((await store.versions.listVersions('b1')).map((v) => v.id).filter((id) => !id.startsWith('c'))).toEqual(['b2', 'a1'])
        expect(await store.versions.listVersions('b1')).toHaveLength(3)
      }),
    )

    it(
      'purges deleted rows (after a board is made anonymous) and keeps everything that was not deleted',
      withStore(async (store, reopen) => {
        await store.createBoard(board('b1'), hashes('b1'), u(0))
        const seq = await store.appendUpdate('b1', u(1))
        await store.compact('b1', u(7, 7), seq)
        await store.purgeDeleted()
        const reopened = await reopen()
        expect(await reopened.loadDoc('b1')).toEqual({ snapshot: u(7, 7), updates: [], lastSeq: seq })
      }),
    )
  })
}
