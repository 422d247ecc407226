import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/**
 * The y-websocket wire protocol as pure functions: every frame is
 * `varUint messageType` followed by a type-specific payload. The server decodes each frame once
 * into a tagged union and never hands raw bytes to Yjs before the frame parsed cleanly.
 */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
/** Sub-types of a sync message (y-protocols/sync). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const
/** Sub-type of an auth message (y-protocols/auth): the only one defined is "permission denied". */
export const AUTH = { permissionDenied: 0 } as const

/** A frame a client may send, after decoding. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

/** One client's entry in an awareness update. `state` null means "this client left". */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/** Raised for any frame that is not a well-formed y-websocket message. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError'
}

function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  let length: number
  try {
    length = decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError(`unreadable ${what} payload length`)
  }
  // Why the explicit check: lib0 reads through the underlying ArrayBuffer, so a length that runs
  // past the frame would otherwise read whatever bytes follow it in memory.
  if (length > decoder.arr.length - decoder.pos) throw new ProtocolError(`truncated ${what} payload`)
  return decoding.readUint8Array(decoder, length)
}

/** A copy of the frame that owns its whole ArrayBuffer, so no read can stray past its end. */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) throw new ProtocolError(`trailing bytes after ${what}`)
}

function readType(decoder: decoding.Decoder, what: string): number {
  if (!decoding.hasContent(decoder)) throw new ProtocolError(`empty ${what}`)
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError(`unreadable ${what}`)
  }
}

/** Decodes one client frame; throws ProtocolError naming what is wrong. */
export function decodeMessage(bytes: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(ownBytes(bytes))
  const messageType = readType(decoder, 'message type')
  switch (messageType) {
    case MESSAGE.sync: {
      const syncType = readType(decoder, 'sync message type')
      const payload = readPayload(decoder, 'sync')
      expectEnd(decoder, 'sync message')
      switch (syncType) {
        case SYNC.step1:
          return { type: 'sync-step1', stateVector: payload }
        case SYNC.step2:
          return { type: 'sync-step2', update: payload }
        case SYNC.update:
          return { type: 'update', update: payload }
        default:
          throw new ProtocolError(`unknown sync message type ${syncType}`)
      }
    }
    case MESSAGE.awareness: {
      const update = readPayload(decoder, 'awareness')
      expectEnd(decoder, 'awareness message')
      return { type: 'awareness', update }
    }
    case MESSAGE.queryAwareness:
      expectEnd(decoder, 'query-awareness message')
      return { type: 'query-awareness' }
    case MESSAGE.auth:
      throw new ProtocolError('clients may not send auth messages')
    default:
      throw new ProtocolError(`unknown message type ${messageType}`)
  }
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** "Here is my state vector: send me what I lack." */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SYNC.step1, stateVector)
}

/** The answer to a step 1: the update the peer lacks. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC.step2, update)
}

/** An incremental document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC.update, update)
}

/** An awareness update (y-protocols/awareness encoding) wrapped as a frame. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Asks the peer to send its full awareness state. */
export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.queryAwareness)
  return encoding.toUint8Array(encoder)
}

/** Tells the client it may not do what it tried (y-websocket logs the reason). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE.auth)
  encoding.writeVarUint(encoder, AUTH.permissionDenied)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/** Decodes the entries of an awareness update; throws ProtocolError when malformed. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(ownBytes(update))
  const entries: AwarenessEntry[] = []
  try {
    const count = decoding.readVarUint(decoder)
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const json = decoding.readVarString(decoder)
      const state: unknown = JSON.parse(json)
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('awareness state must be an object or null')
      }
      entries.push({ clientId, clock, state: state as AwarenessEntry['state'] })
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformed awareness update')
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after awareness update')
  return entries
}

/** Encodes awareness entries in the y-protocols awareness format. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}
