import * as Y from 'yjs'
import { encodeSyncStep2, encodeUpdate } from '../../shared/protocol.ts'
import { splitUpdate } from '../../shared/yjsUpdates.ts'

/** Room for a sync message's header (type, sub-type, payload length) within a frame. */
const HEADER_BYTES = 16

/** An update as sync "update" frames, none larger than `maxMessageBytes` (what the server accepts, it sends at most). */
export function updateFrames(update: Uint8Array, maxMessageBytes: number): Uint8Array[] {
  return splitUpdate(update, maxMessageBytes - HEADER_BYTES).map(encodeUpdate)
}

/**
 * The answer to a client's sync step 1: what it lacks, in frames no larger than
 * `maxMessageBytes`, the last one as the step-2 reply (which is what marks the client as synced).
 * Throws when the state vector cannot be read.
 */
export function syncReplyFrames(doc: Y.Doc, stateVector: Uint8Array, maxMessageBytes: number): Uint8Array[] {
  const parts = splitUpdate(Y.encodeStateAsUpdate(doc, stateVector), maxMessageBytes - HEADER_BYTES)
  return parts.map((part, i) => (i === parts.length - 1 ? encodeSyncStep2(part) : encodeUpdate(part)))
}
