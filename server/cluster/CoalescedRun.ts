/**
 * Runs an async task one at a time: asked while it runs, it runs once more afterwards (however
 * often it was asked), and every caller meanwhile shares the same promise. For "bring this copy
 * up to date with the store" work, where a change during a run must not be missed but ten
 * requests need not mean ten reads.
 */
export class CoalescedRun {
  private running: Promise<void> | undefined
  private again = false

  constructor(
    private readonly task: () => Promise<void>,
    /** Checked before each further run (e.g. the owner stopped). */
    private readonly shouldContinue: () => boolean = () => true,
  ) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.task()
      } while (this.again && this.shouldContinue())
    })().finally(() => {
      this.running = undefined
    })
    return this.running
  }
}
