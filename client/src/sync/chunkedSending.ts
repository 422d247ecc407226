import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE, SYNC, encodeUpdate } from '../../../shared/protocol.ts'
import { splitUpdate } from '../../../shared/yjsUpdates.ts'

/** Largest frame we send by default: under the server's default MAX_MESSAGE_BYTES (2 MiB). */
export const DEFAULT_CHUNK_BYTES = 2 * 1024 * 1024 - 64 * 1024

/**
 * Makes a y-websocket provider send large updates in parts of at most `maxBytes`, so that work
 * done offline — or a big paste — always reaches the server, whatever its frame limit:
 *   - the answer to the server's sync step 1 (everything the server lacks) goes out as several
 *     update frames instead of one step-2 frame;
 *   - each local change is split before it is sent.
 * The parts, applied in order, equal the whole. Returns a function that restores the defaults.
 */
export function sendInChunks(provider: WebsocketProvider, maxBytes: number | (() => number) = DEFAULT_CHUNK_BYTES): () => void {
  const limit = typeof maxBytes === 'function' ? maxBytes : () => maxBytes
  const doc = provider.doc
  const send = (frame: Uint8Array) => {
    const ws = provider.ws
    if (provider.wsconnected && ws && ws.readyState === 1) ws.send(frame)
  }

  const defaultSync = provider.messageHandlers[MESSAGE.sync]
  provider.messageHandlers[MESSAGE.sync] = (encoder, decoder, p, emitSynced, messageType) => {
    if (decoding.peekVarUint(decoder) !== SYNC.step1) {
      defaultSync(encoder, decoder, p, emitSynced, messageType)
      return
    }
    decoding.readVarUint(decoder)
    const missing = Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(decoder))
    if (missing.length <= limit()) {
      // The usual step-2 answer, sent by the provider.
      encoding.writeVarUint(encoder, MESSAGE.sync)
      encoding.writeVarUint(encoder, SYNC.step2)
      encoding.writeVarUint8Array(encoder, missing)
      return
    }
    // Left empty, `encoder` is not sent; the parts go out as updates, in order.
    for (const part of splitUpdate(missing, limit())) send(encodeUpdate(part))
  }

  const chunkedUpdates = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return
    for (const part of splitUpdate(update, limit())) send(encodeUpdate(part))
  }
  const internals = provider as unknown as { _updateHandler: (update: Uint8Array, origin: unknown) => void }
  const defaultUpdates = internals._updateHandler
  doc.off('update', defaultUpdates)
  // Replaced on the provider too, so that provider.destroy() unregisters ours.
  internals._updateHandler = chunkedUpdates
  doc.on('update', chunkedUpdates)

  return () => {
    provider.messageHandlers[MESSAGE.sync] = defaultSync
    doc.off('update', chunkedUpdates)
    internals._updateHandler = defaultUpdates
    doc.on('update', defaultUpdates)
  }
}
