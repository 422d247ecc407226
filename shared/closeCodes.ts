/**
 * WebSocket close codes the sync server uses, each with the reason sent to the client.
 * 4400–4499: permanent — the client must stop reconnecting and tell the user why.
 * 4500–4599: temporary — the client may retry later, with backoff.
 * 1009 is the standard "message too big", sent by the socket layer itself.
 */
export const CLOSE = {
  normal: { code: 1000, reason: 'closing' },
  goingAway: { code: 1001, reason: 'server shutting down' },
  messageTooBig: { code: 1009, reason: 'message too big' },
  badMessage: { code: 4400, reason: 'malformed message' },
  unauthorized: { code: 4401, reason: 'missing, wrong or rotated link' },
  forbidden: { code: 4403, reason: 'not allowed for this link' },
  notFound: { code: 4404, reason: 'board not found' },
  /**
   * The server refused part of an update (a locked zone, someone else's note, a frozen board...);
   * the rest was kept. The client's copy now differs from the board: it must drop its local copy
   * and load the board again (coboard's client does this by itself).
   */
  changeRefused: { code: 4409, reason: 'change not allowed; reload the board' },
  boardTooLarge: { code: 4413, reason: 'board is too large' },
  presenceTooLarge: { code: 4414, reason: 'presence state too large' },
  /** Updates that depend on content the board never received, beyond what the server will hold. */
  unresolvedUpdates: { code: 4422, reason: 'updates refer to content the board does not have' },
  serverError: { code: 4500, reason: 'server error, try again' },
  boardFull: { code: 4503, reason: 'board is full, try again later' },
  slowDown: { code: 4529, reason: 'too many messages, slow down' },
} as const

export type CloseName = keyof typeof CLOSE
export type CloseEventSpec = (typeof CLOSE)[CloseName]

/** Whether a close code means "do not reconnect": the link or the request itself is wrong. */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === CLOSE.messageTooBig.code
}

/** The named close for a code, if it is one of ours. */
export function closeByCode(code: number): CloseName | undefined {
  return (Object.keys(CLOSE) as CloseName[]).find((name) => CLOSE[name].code === code)
}
