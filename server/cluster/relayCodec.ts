import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { ROLES, type Role } from '../../shared/roles.ts'

/**
 * Who wrote a relayed update with which Yjs client ids: each instance refuses a local connection
 * that writes under a client id someone else is writing with (see UpdateGate), across instances.
 */
export interface RelayedWriter {
  /** The writer's owner key (author id or link hash; "server" for the server's own changes). */
  ownerKey: string
  clients: number[]
}

/** Who announced an awareness client id (a browser's author key, or the link's hash). */
export interface PresenceOwner {
  clientId: number
  ownerKey: string
}

/** What one instance tells the others about a board. */
export type RelayMessage =
  /** A committed update: `seq` is its place in the board's log (gaps are read back from the store). */
  | { kind: 'update'; seq: number; update: Uint8Array; writers: readonly RelayedWriter[] }
  /**
   * Presence of the sender's connections (a y-protocols awareness update), with the owner key of
   * each client id in it: an id whose owner left is retired on every instance, so that nobody
   * else takes it over there either.
   */
  | { kind: 'awareness'; update: Uint8Array; owners: readonly PresenceOwner[] }
  /** A newcomer asks every instance to announce its connections' presence. */
  | { kind: 'presence-query' }
  /** Close the connections of a role (its link was rotated). */
  | { kind: 'close-role'; role: Role }

const KIND = { update: 0, awareness: 1, 'presence-query': 2, 'close-role': 3 } as const

/** A message as it travels on a board's channel, with the id of the instance that sent it. */
export function encodeRelayMessage(from: string, message: RelayMessage): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, from)
  encoding.writeVarUint(e, KIND[message.kind])
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(e, message.seq)
      encoding.writeVarUint8Array(e, message.update)
      encoding.writeVarUint(e, message.writers.length)
      for (const writer of message.writers) {
        encoding.writeVarString(e, writer.ownerKey)
        encoding.writeVarUint(e, writer.clients.length)
        for (const client of writer.clients) encoding.writeVarUint(e, client)
      }
      break
    case 'awareness':
      encoding.writeVarUint8Array(e, message.update)
      encoding.writeVarUint(e, message.owners.length)
      for (const owner of message.owners) {
        encoding.writeVarUint(e, owner.clientId)
        encoding.writeVarString(e, owner.ownerKey)
      }
      break
    case 'close-role':
      encoding.writeVarString(e, message.role)
      break
    case 'presence-query':
      break
  }
  return encoding.toUint8Array(e)
}

/** Decodes a channel message; throws on anything malformed (the caller logs and drops it). */
export function decodeRelayMessage(bytes: Uint8Array): { from: string; message: RelayMessage } {
  const d = decoding.createDecoder(bytes)
  const from = decoding.readVarString(d)
  const kind = decoding.readVarUint(d)
  switch (kind) {
    case KIND.update: {
      const seq = decoding.readVarUint(d)
      const update = decoding.readVarUint8Array(d)
      const writers: RelayedWriter[] = []
      for (let w = decoding.readVarUint(d); w > 0; w--) {
        const ownerKey = decoding.readVarString(d)
        const clients: number[] = []
        for (let c = decoding.readVarUint(d); c > 0; c--) clients.push(decoding.readVarUint(d))
        writers.push({ ownerKey, clients })
      }
      return { from, message: { kind: 'update', seq, update, writers } }
    }
    case KIND.awareness: {
      const update = decoding.readVarUint8Array(d)
      const owners: PresenceOwner[] = []
      // An instance of an earlier version sends no owners (during a rolling upgrade).
      if (decoding.hasContent(d)) {
        for (let n = decoding.readVarUint(d); n > 0; n--) owners.push({ clientId: decoding.readVarUint(d), ownerKey: decoding.readVarString(d) })
      }
      return { from, message: { kind: 'awareness', update, owners } }
    }
    case KIND['presence-query']:
      return { from, message: { kind: 'presence-query' } }
    case KIND['close-role']: {
      const role = decoding.readVarString(d)
      if (!(ROLES as readonly string[]).includes(role)) throw new Error(`unknown role ${role}`)
      return { from, message: { kind: 'close-role', role: role as Role } }
    }
    default:
      throw new Error(`unknown relay message kind ${kind}`)
  }
}
