import { CLOSE, isPermanentClose } from '../../../shared/closeCodes.ts'

/** Why the connection to a board stopped for good: the user must act (new link, reload). */
export type StopReason = 'linkRejected' | 'linkForbidden' | 'boardNotFound' | 'boardTooLarge' | 'messageTooBig' | 'badMessage'

/** Why the server asked us to come back later. */
export type RetryReason = 'boardFull' | 'slowDown' | 'serverError'

/** What the board's status indicator shows. */
export type ConnectionState =
  | { kind: 'offline' }
  | { kind: 'connecting'; retry?: RetryReason }
  | { kind: 'syncing' }
  | { kind: 'synced' }
  | { kind: 'stopped'; reason: StopReason }

/** What to do after the server closed the socket with a code. */
export type CloseDecision =
  | { action: 'stop'; reason: StopReason }
  /** The server refused a change of ours: drop the local copy and load the board again. */
  | { action: 'reset' }
  | { action: 'retryLater'; reason: RetryReason }
  | { action: 'reconnect' }

/** Maps a close code to what the client does next; see shared/closeCodes.ts. */
export function decideOnClose(code: number): CloseDecision {
  switch (code) {
    case CLOSE.unauthorized.code:
      return { action: 'stop', reason: 'linkRejected' }
    case CLOSE.changeRefused.code:
      return { action: 'reset' }
    case CLOSE.forbidden.code:
      return { action: 'stop', reason: 'linkForbidden' }
    case CLOSE.notFound.code:
      return { action: 'stop', reason: 'boardNotFound' }
    case CLOSE.boardTooLarge.code:
      return { action: 'stop', reason: 'boardTooLarge' }
    case CLOSE.messageTooBig.code:
      return { action: 'stop', reason: 'messageTooBig' }
    case CLOSE.boardFull.code:
      return { action: 'retryLater', reason: 'boardFull' }
    case CLOSE.slowDown.code:
      return { action: 'retryLater', reason: 'slowDown' }
  }
  if (isPermanentClose(code)) return { action: 'stop', reason: 'badMessage' }
  if (code >= 4500 && code < 4600) return { action: 'retryLater', reason: 'serverError' }
  return { action: 'reconnect' }
}

/**
 * Delay before the n-th retry after a "come back later" close: exponential from 2 s, capped at
 * 60 s, with jitter so that 60 people sent away from a full board do not all return in the same
 * millisecond.
 */
export function retryDelayMs(attempt: number, random: () => number): number {
  const base = Math.min(60_000, 2_000 * 2 ** Math.max(0, attempt))
  return Math.round(base * (0.5 + random() * 0.5))
}
