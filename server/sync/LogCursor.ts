/**
 * Which updates of a board's log a room's document holds, by sequence number. With a gapless
 * sequence (PostgreSQL: 1, 2, 3, … per board) `contiguous` is the number up to which the doc holds
 * every update — compaction may replace exactly those rows — and updates seen beyond it reveal a
 * gap to read back from the store. With a shared sequence (SQLite, one process) every number is
 * taken as contiguous: that process made every update itself.
 */
export class LogCursor {
  private contiguousSeq: number
  private readonly ahead = new Set<number>()

  constructor(
    start: number,
    /** Whether the store numbers each board's updates 1, 2, 3, … (a gap means something is missing). */
    readonly gapless: boolean,
  ) {
    this.contiguousSeq = start
  }

  /** Every update with a sequence number up to this one is in the doc. */
  get contiguous(): number {
    return this.contiguousSeq
  }

  /** Whether updates after a missing one are in the doc (something is missing). */
  get hasGap(): boolean {
    return this.ahead.size > 0
  }

  /** Whether the update with this number is already in the doc. */
  has(seq: number): boolean {
    return seq <= this.contiguousSeq || this.ahead.has(seq)
  }

  /** Records that the update with this number is in the doc. */
  mark(seq: number): void {
    if (!this.gapless) {
      this.contiguousSeq = Math.max(this.contiguousSeq, seq)
      return
    }
    if (seq <= this.contiguousSeq) return
    this.ahead.add(seq)
    this.drain()
  }

  /** Records that every update up to `seq` is in the doc (after reading them from the store). */
  advanceTo(seq: number): void {
    if (seq <= this.contiguousSeq) return
    this.contiguousSeq = seq
    for (const s of this.ahead) if (s <= seq) this.ahead.delete(s)
    this.drain()
  }

  private drain(): void {
    while (this.ahead.delete(this.contiguousSeq + 1)) this.contiguousSeq++
  }
}
