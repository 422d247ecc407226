import crypto from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { InstanceLiveness } from './InstanceLiveness.ts'
import type { BoardChannel, Relay, RelayMessage, SharedTopic } from './Relay.ts'
import { decodeRelayMessage, encodeRelayMessage } from './relayCodec.ts'

export interface RedisRelayOptions {
  url: string
  /** Prefix of every channel name (several deployments, or tests, may share one Redis). */
  prefix: string
  log: Logger
  heartbeatMs: number
  /** An instance silent this long is taken for dead. */
  instanceExpiryMs: number
}

type Handler = (from: string, message: RelayMessage) => void

/**
 * Redis pub/sub between instances: one channel per board, one for heartbeats. Pub/sub may drop
 * messages (while a connection is cut, or when a subscriber falls behind): that is why every
 * update carries its log sequence, and why a reconnect tells every room to catch up from the store.
 */
export class RedisRelay implements Relay {
  readonly instanceId = `i-${crypto.randomBytes(6).toString('hex')}`
  readonly shared = true
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly handlers = new Map<string, Set<Handler>>()
  private readonly subscriptions = new Map<string, Promise<void>>()
  private readonly goneListeners = new Set<(instanceId: string) => void>()
  private readonly resyncListeners = new Set<() => void>()
  private readonly announcementListeners = new Set<(topic: SharedTopic) => void>()
  private readonly liveness: InstanceLiveness
  private readonly heartbeat: NodeJS.Timeout
  private readyOnce = false
  private closed = false

  constructor(private readonly options: RedisRelayOptions) {
    this.liveness = new InstanceLiveness(options.instanceExpiryMs)
    const redisOptions = { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 100, 1000) }
    // Named, so that an operator (or a test) can find this instance's connections in CLIENT LIST.
    const name = `${options.prefix}${this.instanceId}`.replace(/[^A-Za-z0-9:_.-]/g, '_')
    this.pub = new Redis(options.url, { ...redisOptions, connectionName: `${name}:pub` })
    this.sub = new Redis(options.url, { ...redisOptions, connectionName: `${name}:sub` })
    for (const [name, client] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      client.on('error', (error: Error) => options.log.warn({ err: error, client: name }, 'redis connection problem'))
    }
    this.sub.on('ready', () => {
      // ioredis subscribes again by itself; what was published meanwhile is read from the store.
      if (this.readyOnce) {
        options.log.warn('redis relay reconnected; catching up every board from the store')
        for (const listener of this.resyncListeners) listener()
      }
      this.readyOnce = true
    })
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message))
    this.sub.subscribe(this.instancesChannel).catch((error: unknown) => options.log.error({ err: error }, 'redis subscribe failed'))
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs)
    this.heartbeat.unref()
  }

  get connected(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready'
  }

  private get instancesChannel(): string {
    return `${this.options.prefix}instances`
  }

  private boardChannel(boardId: string): string {
    return `${this.options.prefix}board:${boardId}`
  }

  private beat(): void {
    this.pub.publish(this.instancesChannel, Buffer.from(`hb ${this.instanceId}`)).catch(() => {})
    for (const id of this.liveness.sweep(Date.now())) this.instanceGone(id)
  }

  private instanceGone(id: string): void {
    this.options.log.info({ instance: id }, 'instance gone; removing its presence')
    for (const listener of this.goneListeners) listener(id)
  }

  private onMessage(channel: string, raw: Buffer): void {
    if (channel === this.instancesChannel) {
      const [verb, id, topic] = raw.toString().split(' ')
      if (!id || id === this.instanceId) return
      if (verb === 'hb') this.liveness.heard(id, Date.now())
      else if (verb === 'bye' && this.liveness.gone(id)) this.instanceGone(id)
      else if (verb === 'say' && topic === 'templates') for (const listener of this.announcementListeners) listener(topic)
      return
    }
    const boardId = channel.slice(this.boardChannel('').length)
    const handlers = this.handlers.get(boardId)
    if (!handlers) return
    let decoded
    try {
      decoded = decodeRelayMessage(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength))
    } catch (error) {
      this.options.log.warn({ err: error, board: boardId }, 'dropped malformed relay message')
      return
    }
    if (decoded.from === this.instanceId) return
    // Any message proves its sender is alive.
    this.liveness.heard(decoded.from, Date.now())
    for (const handler of handlers) handler(decoded.from, decoded.message)
  }

  join(boardId: string, onMessage: Handler): BoardChannel {
    let handlers = this.handlers.get(boardId)
    if (!handlers) {
      handlers = new Set()
      this.handlers.set(boardId, handlers)
      const subscribed = this.sub.subscribe(this.boardChannel(boardId)).then(() => {})
      // Each channel's joiner handles a failure (RoomReplica logs it and relies on the store);
      // this keeps a failure after every joiner left from being an unhandled rejection.
      subscribed.catch(() => {})
      this.subscriptions.set(boardId, subscribed)
    }
    handlers.add(onMessage)
    const ready = this.subscriptions.get(boardId)!
    return {
      ready,
      publish: (message) => this.publish(boardId, message),
      leave: () => {
        const set = this.handlers.get(boardId)
        if (!set?.delete(onMessage) || set.size > 0) return
        this.handlers.delete(boardId)
        this.subscriptions.delete(boardId)
        if (!this.closed) this.sub.unsubscribe(this.boardChannel(boardId)).catch(() => {})
      },
    }
  }

  publish(boardId: string, message: RelayMessage): void {
    if (this.closed) return
    const bytes = encodeRelayMessage(this.instanceId, message)
    // A lost publish is recovered by the receivers (sequence gap or periodic check), not retried here.
    this.pub.publish(this.boardChannel(boardId), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).catch((error: unknown) =>
      this.options.log.warn({ err: error, board: boardId }, 'relay publish failed'),
    )
  }

  onInstanceGone(listener: (instanceId: string) => void): () => void {
    this.goneListeners.add(listener)
    return () => this.goneListeners.delete(listener)
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener)
    return () => this.resyncListeners.delete(listener)
  }

  announce(topic: SharedTopic): void {
    if (this.closed) return
    // A lost announcement is covered by the receivers reloading what is older than a few seconds.
    this.pub.publish(this.instancesChannel, Buffer.from(`say ${this.instanceId} ${topic}`)).catch((error: unknown) =>
      this.options.log.warn({ err: error, topic }, 'announcing a change failed'),
    )
  }

  onAnnouncement(listener: (topic: SharedTopic) => void): () => void {
    this.announcementListeners.add(listener)
    return () => this.announcementListeners.delete(listener)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.heartbeat)
    // Stop listening first (a subscription still in flight fails; its joiner logs that), then say
    // goodbye so that the others drop this instance's presence at once.
    this.sub.disconnect()
    // With Redis unreachable, commands wait in ioredis's offline queue for ever: a stopping
    // instance says goodbye only over a live connection (the others then see its heartbeats stop).
    if (this.pub.status !== 'ready') {
      this.pub.disconnect()
      return
    }
    await this.pub.publish(this.instancesChannel, Buffer.from(`bye ${this.instanceId}`)).catch(() => {})
    await this.pub.quit().catch(() => this.pub.disconnect())
  }
}
