import type { BoardChannel, Relay, RelayMessage, SharedTopic } from '../../server/cluster/Relay.ts'

/**
 * The real Redis relay of an instance, with a switch that drops some of the messages it receives —
 * what Redis pub/sub does while a connection is cut or a subscriber falls behind, made repeatable.
 */
export class DroppingRelay implements Relay {
  /** Decides, per received message, whether it is lost. */
  drop: (message: RelayMessage) => boolean = () => false
  /** How many received messages were dropped. */
  dropped = 0

  constructor(private readonly inner: Relay) {}

  get instanceId(): string {
    return this.inner.instanceId
  }

  get shared(): boolean {
    return this.inner.shared
  }

  get connected(): boolean {
    return this.inner.connected
  }

  join(boardId: string, onMessage: (from: string, message: RelayMessage) => void): BoardChannel {
    return this.inner.join(boardId, (from, message) => {
      if (this.drop(message)) this.dropped++
      else onMessage(from, message)
    })
  }

  publish(boardId: string, message: RelayMessage): void {
    this.inner.publish(boardId, message)
  }

  onInstanceGone(listener: (instanceId: string) => void): () => void {
    return this.inner.onInstanceGone(listener)
  }

  onResync(listener: () => void): () => void {
    return this.inner.onResync(listener)
  }

  announce(topic: SharedTopic): void {
    this.inner.announce(topic)
  }

  onAnnouncement(listener: (topic: SharedTopic) => void): () => void {
    return this.inner.onAnnouncement(listener)
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}
