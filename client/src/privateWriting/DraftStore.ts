import type { TLShape } from '@tldraw/tlschema'

/**
 * This device's private drafts of one board, in IndexedDB (database `coboard:drafts:<boardId>`).
 * Nothing here is ever sent anywhere: the drafts leave the device only as published notes.
 */
export class DraftStore {
  private db: Promise<IDBDatabase> | undefined

  constructor(
    private readonly boardId: string,
    private readonly indexedDB: IDBFactory,
  ) {}

  /** Every draft kept for this board. */
  async all(): Promise<TLShape[]> {
    return this.run('readonly', (store) => store.getAll() as IDBRequest<TLShape[]>)
  }

  /** Keeps (or replaces) drafts. */
  async put(drafts: readonly TLShape[]): Promise<void> {
    if (drafts.length === 0) return
    await this.run('readwrite', (store) => {
      let last: IDBRequest<IDBValidKey> | undefined
      for (const draft of drafts) last = store.put(draft, draft.id)
      return last!
    })
  }

  /** Forgets drafts (published or deleted). */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await this.run('readwrite', (store) => {
      let last: IDBRequest<undefined> | undefined
      for (const id of ids) last = store.delete(id)
      return last!
    })
  }

  close(): void {
    void this.db?.then((db) => db.close())
    this.db = undefined
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const request = this.indexedDB.open(`coboard:drafts:${this.boardId}`, 1)
      request.onupgradeneeded = () => request.result.createObjectStore('drafts')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error ?? new Error('IndexedDB refused'))
    })
    return this.db
  }

  private async run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.open()
    return new Promise((resolve, reject) => {
      const tx = db.transaction('drafts', mode)
      const request = work(tx.objectStore('drafts'))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'))
    })
  }
}
