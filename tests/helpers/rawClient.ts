import WebSocket from 'ws'
import * as Y from 'yjs'
import { decodeAwarenessUpdate, encodeSyncStep1, encodeUpdate, MESSAGE, SYNC, type AwarenessEntry } from '../../shared/protocol.ts'
import * as decoding from 'lib0/decoding'
import { waitFor } from './wait.ts'

/**
 * A hand-driven y-websocket peer for attack tests: it sends whatever frames a test builds, keeps
 * a Y.Doc of what the server sent it, and records every frame (with its size) and the close.
 */
export interface RawClient {
  ws: WebSocket
  /** What the server has sent us, applied. */
  doc: Y.Doc
  /** Sizes of every frame received. */
  frameSizes: number[]
  /** The bytes of every frame received (sync and awareness), in order: for leak checks. */
  frames: Uint8Array[]
  /** Awareness entries received, in order. */
  awareness: AwarenessEntry[]
  closed: Promise<{ code: number; reason: string }>
  closedWith(): { code: number; reason: string } | undefined
  /** Sends a document update as a sync "update" frame. */
  sendUpdate(update: Uint8Array): void
  send(frame: Uint8Array): void
  close(): void
}

/** Opens a raw connection, asks for the board (sync step 1) and waits until it has it. */
export async function connectRaw(wsUrl: string, boardId: string, token: string, query = ''): Promise<RawClient> {
  const ws = new WebSocket(`${wsUrl}/sync/${boardId}?k=${encodeURIComponent(token)}${query}`, { maxPayload: 1 << 30 })
  const doc = new Y.Doc()
  const frameSizes: number[] = []
  const frames: Uint8Array[] = []
  const awareness: AwarenessEntry[] = []
  let closedWith: { code: number; reason: string } | undefined
  let synced = false
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => {
      closedWith = { code, reason: reason.toString() }
      resolve(closedWith)
    }),
  )
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data)
    frameSizes.push(bytes.length)
    frames.push(bytes)
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE.sync) {
      const sub = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (sub === SYNC.step2 || sub === SYNC.update) Y.applyUpdate(doc, payload, 'server')
      if (sub === SYNC.step2) synced = true
    } else if (type === MESSAGE.awareness) {
      awareness.push(...decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)))
    }
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  ws.send(encodeSyncStep1(Y.encodeStateVector(doc)))
  await waitFor(() => synced || closedWith, 5000, 'raw client synced')
  return {
    ws,
    doc,
    frameSizes,
    frames,
    awareness,
    closed,
    closedWith: () => closedWith,
    sendUpdate: (update) => ws.send(encodeUpdate(update)),
    send: (frame) => ws.send(frame),
    close: () => ws.close(),
  }
}

/** The update a change made on `doc` produces (changes are made inside one transaction). */
export function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const listener = (update: Uint8Array) => updates.push(update)
  doc.on('update', listener)
  doc.transact(change)
  doc.off('update', listener)
  return Y.mergeUpdates(updates)
}

/** A copy of a doc (same content, a new client id of its own). */
export function forkDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
