import type { Editor, TLRecord, TLShape } from 'tldraw'
import type { PrivateWriting } from '../../../shared/session/sessionState.ts'
import { asDraft, becomesDraft, isDraft, published, revealedBy } from './drafts.ts'
import type { DraftStore } from './DraftStore.ts'

/** What keepDrafts needs from the board. */
export interface KeepDraftsOptions {
  store: DraftStore
  /** The private-writing phase right now (from the session root). */
  phase: () => PrivateWriting
  /** Called with a function to call whenever the phase changes; returns how to stop listening. */
  onPhaseChange: (listener: () => void) => () => void
  canEdit: boolean
  /** Whether this device may put notes on the board now (not while a frozen board holds participants). */
  canPublish: () => boolean
  /** How many drafts this device holds, after every change (for the facilitator's count). */
  onCount: (count: number) => void
  /** Whether the board keeps no names now (drafts then go out without their author's name). */
  anonymous: () => boolean
}

/** The drafts in the editor now. */
export function draftsIn(editor: Editor): TLShape[] {
  return editor.store.allRecords().filter((record): record is TLShape => isDraft(record))
}

/** Puts drafts onto the board: takes their marker off (the store binding then writes them). */
export function publishDrafts(editor: Editor, drafts: readonly TLShape[], anonymous: boolean): void {
  if (drafts.length === 0) return
  editor.run(() => editor.store.put(drafts.map((draft) => published(draft, anonymous))), { history: 'ignore' })
}

/**
 * Keeps private drafts on this device: marks the notes written during the private phase, mirrors
 * them into IndexedDB, brings them back after a reload, and publishes those that a "reveal all"
 * covers. The store binding (bindStoreToYDoc's keepLocal) keeps them out of the board's Y.Doc.
 */
export function keepDrafts(editor: Editor, options: KeepDraftsOptions): () => void {
  const { store } = options
  let stopped = false
  const count = () => options.onCount(draftsIn(editor).length)

  const offCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' && becomesDraft(shape, options.phase(), options.canEdit) ? asDraft(shape, options.phase().revealSeq) : shape,
  )

  const unlisten = editor.store.listen(
    ({ changes }) => {
      const keep: TLShape[] = []
      const forget: string[] = []
      for (const record of Object.values(changes.added) as TLRecord[]) if (isDraft(record)) keep.push(record as TLShape)
      for (const [from, to] of Object.values(changes.updated) as [TLRecord, TLRecord][]) {
        if (isDraft(to)) keep.push(to as TLShape)
        else if (isDraft(from)) forget.push(from.id)
      }
      for (const record of Object.values(changes.removed) as TLRecord[]) if (isDraft(record)) forget.push(record.id)
      if (keep.length === 0 && forget.length === 0) return
      void store.put(keep).then(() => store.remove(forget))
      count()
    },
    { source: 'user', scope: 'document' },
  )

  const revealIfAsked = () => {
    // On a frozen board the server would refuse the notes: they wait here until it thaws (a
    // session change, which calls this again).
    if (stopped || !options.canPublish()) return
    publishDrafts(editor, revealedBy(draftsIn(editor), options.phase().revealSeq), options.anonymous())
  }
  const offPhase = options.onPhaseChange(revealIfAsked)

  // Drafts written before a reload (or while offline) come back from IndexedDB.
  void store.all().then((drafts) => {
    if (stopped) return
    const missing = drafts.filter((draft) => isDraft(draft) && !editor.store.has(draft.id))
    if (missing.length) editor.store.mergeRemoteChanges(() => editor.store.put(missing))
    revealIfAsked()
    count()
  })

  return () => {
    stopped = true
    offCreate()
    unlisten()
    offPhase()
  }
}
