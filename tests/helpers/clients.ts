import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE } from '../../shared/protocol.ts'
import { waitFor } from './wait.ts'

/** A stock y-websocket client, as an integration or the browser client would use it. */
export interface SyncClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Close events the provider saw, newest last. */
  closes: Array<{ code: number; reason: string }>
  /** Reasons of "permission denied" messages the server sent. */
  denied: string[]
  destroy(): void
}

/** A `ws` WebSocket class that sends a given Origin header, as a browser would. */
export function webSocketWithOrigin(origin: string | undefined): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, origin ? { headers: { Origin: origin } } : {})
    }
  } as typeof WebSocket
}

/** Connects an unmodified y-websocket WebsocketProvider to a board and waits until it is synced. */
export async function connectClient(
  wsUrl: string,
  boardId: string,
  token: string,
  options: { origin?: string; waitForSync?: boolean; doc?: Y.Doc; authorSecret?: string } = {},
): Promise<SyncClient> {
  const doc = options.doc ?? new Y.Doc()
  const denied: string[] = []
  const closes: Array<{ code: number; reason: string }> = []
  const provider = new WebsocketProvider(`${wsUrl}/sync`, boardId, doc, {
    params: options.authorSecret ? { k: token, a: options.authorSecret } : { k: token },
    WebSocketPolyfill: webSocketWithOrigin(options.origin) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  const client: SyncClient = {
    doc,
    provider,
    closes,
    denied,
    destroy() {
      provider.awareness.setLocalState(null)
      provider.destroy()
      doc.destroy()
    },
  }
  // Observe the protocol's "permission denied" message (y-websocket would only console.warn it).
  provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder) => {
    decoding.readVarUint(decoder)
    denied.push(decoding.readVarString(decoder))
  }
  if (options.waitForSync !== false) {
    try {
      await waitFor(() => provider.synced, 5000, `client sync on board ${boardId}`)
    } catch (error) {
      client.destroy()
      throw error
    }
  }
  return client
}

/** Resolves with the close event of a raw websocket (code and reason). */
export function closeOf(ws: WebSocket, timeoutMs = 5000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not close')), timeoutMs)
    ws.once('close', (code, reason) => {
      clearTimeout(timer)
      resolve({ code, reason: reason.toString() })
    })
  })
}

/** Opens a raw websocket to a board (for protocol-level tests) and waits until it is open. */
export async function openRaw(wsUrl: string, boardId: string, token: string, origin?: string): Promise<WebSocket> {
  const ws = new WebSocket(`${wsUrl}/sync/${boardId}?k=${encodeURIComponent(token)}`, origin ? { headers: { Origin: origin } } : {})
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  return ws
}
