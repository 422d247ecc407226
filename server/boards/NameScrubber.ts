import type { Logger } from 'pino'
import type { DocStore } from '../store/DocStore.ts'
import type { Room } from '../sync/Room.ts'
import type { BoardHistory } from './BoardHistory.ts'

/**
 * Makes a board that a facilitator has just switched to anonymous keep no name in the server's
 * store. The room has already removed the records that carried names from the live document;
 * what the server stored before still has them: the update log (replaced now by a snapshot of
 * the document as it is, without them), the versions kept before the switch (deleted: a restore
 * would bring the names back), and the deleted rows' old bytes in the store's files (purged).
 */
export class NameScrubber {
  private readonly now: () => number

  constructor(
    private readonly options: {
      store: Pick<DocStore, 'purgeDeleted'>
      history: Pick<BoardHistory, 'forgetVersionsUntil'>
      log: Logger
      now?: () => number
    },
  ) {
    this.now = options.now ?? Date.now
  }

  /** Removes the names stored of a board before it was made anonymous; resolves when done. */
  async scrub(room: Room): Promise<void> {
    await room.compactNow()
    // A version is encoded, timed and then stored: one encoded before the names went has a time
    // before this one and (SQLite: at once; PostgreSQL: unless its insert is still on the way)
    // is in the store by now.
    const versions = await this.options.history.forgetVersionsUntil(room.boardId, this.now())
    await this.options.store.purgeDeleted()
    this.options.log.info({ board: room.boardId, versions }, 'board made anonymous: update log compacted, earlier versions deleted, deleted rows purged')
  }
}
