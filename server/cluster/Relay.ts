import type { RelayMessage } from './relayCodec.ts'

export type { PresenceOwner, RelayedWriter, RelayMessage } from './relayCodec.ts'

/** A board's channel, joined while its room is in memory. */
export interface BoardChannel {
  /** Resolves once messages of the board reach this instance (then catch up from the store). */
  readonly ready: Promise<void>
  publish(message: RelayMessage): void
  leave(): void
}

/** Shared state outside any board that one instance may change and the others must reload. */
export type SharedTopic = 'templates'

/**
 * How the instances serving one board tell each other what happened: committed updates (with
 * their log sequence), presence and control messages. Only what is durable is published; sync
 * replies never are (each instance answers its own clients from its own document).
 */
export interface Relay {
  /** This instance's id, unique per process. */
  readonly instanceId: string
  /** Whether other instances exist at all (false: one process, nothing to relay). */
  readonly shared: boolean
  /** Whether the relay can reach the other instances now (for /healthz). */
  readonly connected: boolean
  join(boardId: string, onMessage: (from: string, message: RelayMessage) => void): BoardChannel
  /** Publishes to a board's channel without joining it (a control message for other instances). */
  publish(boardId: string, message: RelayMessage): void
  /** Called with an instance that stopped answering (its presence must go). */
  onInstanceGone(listener: (instanceId: string) => void): () => void
  /** Called after the relay was cut and is back: messages may have been lost, catch up. */
  onResync(listener: () => void): () => void
  /** Tells every other instance that shared state changed (they reload it; the store is the truth). */
  announce(topic: SharedTopic): void
  /** Called when another instance announced a change. */
  onAnnouncement(listener: (topic: SharedTopic) => void): () => void
  close(): Promise<void>
}

/** One process: rooms broadcast to their own connections, there is nobody else to tell. */
export class LocalRelay implements Relay {
  readonly shared: boolean = false
  readonly connected = true

  constructor(readonly instanceId = 'local') {}

  join(_boardId: string, _onMessage: (from: string, message: RelayMessage) => void): BoardChannel {
    return { ready: Promise.resolve(), publish: () => {}, leave: () => {} }
  }

  publish(): void {}

  onInstanceGone(): () => void {
    return () => {}
  }

  onResync(): () => void {
    return () => {}
  }

  announce(_topic: SharedTopic): void {}

  onAnnouncement(_listener: (topic: SharedTopic) => void): () => void {
    return () => {}
  }

  async close(): Promise<void> {}
}
