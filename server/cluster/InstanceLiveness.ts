/**
 * Which other instances are alive, from their heartbeats: one silent for longer than `expiryMs`
 * (or that said goodbye) is gone, and the presence of its connections with it.
 */
export class InstanceLiveness {
  private readonly lastSeen = new Map<string, number>()

  constructor(private readonly expiryMs: number) {}

  heard(instanceId: string, now: number): void {
    this.lastSeen.set(instanceId, now)
  }

  /** An instance said goodbye: true when it was known. */
  gone(instanceId: string): boolean {
    return this.lastSeen.delete(instanceId)
  }

  /** The instances silent for too long, forgotten as they are returned. */
  sweep(now: number): string[] {
    const gone: string[] = []
    for (const [id, seen] of this.lastSeen) {
      if (now - seen > this.expiryMs) {
        gone.push(id)
        this.lastSeen.delete(id)
      }
    }
    return gone
  }

  get alive(): string[] {
    return [...this.lastSeen.keys()]
  }
}
