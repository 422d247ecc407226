/**
 * The little a room needs from a websocket. Only socketServer.ts knows about `ws`; rooms and
 * connections talk to this, so tests and other transports can stand in for it.
 */
export interface SocketLike {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** 1 while open, as in the WebSocket standard. */
  readonly readyState: number
  /** Bytes queued but not yet handed to the network: how far behind a slow reader is. */
  readonly bufferedAmount: number
}

export const SOCKET_OPEN = 1
