/**
 * Relayed updates that arrived before an update with a lower sequence number: they wait here, not
 * in Yjs, until everything before them is in the doc. Yjs would hold such an update aside (its
 * items build on the missing one) and integrate it later inside whichever transaction comes next
 * — or lose it when that state is cleared. Capped: past `maxBytes` everything waiting is dropped,
 * which loses nothing, since every relayed update is already in the store and is read back from
 * there.
 */
export class EarlyUpdates {
  private readonly bySeq = new Map<number, Uint8Array>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  /** How many updates wait. */
  get size(): number {
    return this.bySeq.size
  }

  /** Keeps an update until its turn; false when the cap was reached and everything was dropped. */
  add(seq: number, update: Uint8Array): boolean {
    if (this.bySeq.has(seq)) return true
    if (this.bytes + update.length > this.maxBytes) {
      this.clear()
      return false
    }
    this.bySeq.set(seq, update)
    this.bytes += update.length
    return true
  }

  /** Takes the update with this sequence number, if it waits here. */
  take(seq: number): Uint8Array | undefined {
    const update = this.bySeq.get(seq)
    if (update === undefined) return undefined
    this.bySeq.delete(seq)
    this.bytes -= update.length
    return update
  }

  /** Forgets the updates up to `seq` (the doc has them now, read back from the store). */
  dropUpTo(seq: number): void {
    for (const [s, update] of this.bySeq) {
      if (s > seq) continue
      this.bySeq.delete(s)
      this.bytes -= update.length
    }
  }

  clear(): void {
    this.bySeq.clear()
    this.bytes = 0
  }
}
