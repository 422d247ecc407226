import { authorIdFor } from '../../../shared/policy/boardRules.ts'

const STORAGE_KEY = 'coboard:author-secret'

/**
 * This browser's author secret: 128 random bits, kept in localStorage and sent only on the board
 * websocket (`a=`). The server turns it into a per-board author id stored on the notes written
 * here, so that "delete only your own notes" works without accounts and nobody else can claim
 * them. Without storage (private mode refusing writes) a secret lasts for this page only.
 */
export function authorSecret(storage: Pick<Storage, 'getItem' | 'setItem'>, random: (bytes: Uint8Array) => Uint8Array): string {
  try {
    const stored = storage.getItem(STORAGE_KEY)
    if (stored && /^[A-Za-z0-9_-]{22,128}$/.test(stored)) return stored
  } catch {
    // fall through: make one for this page
  }
  const bytes = random(new Uint8Array(16))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  const secret = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  try {
    storage.setItem(STORAGE_KEY, secret)
  } catch {
    // Private browsing may refuse; notes written in this page are still ours while it is open.
  }
  return secret
}

/** The author id this browser's notes carry on one board (the same derivation as the server's). */
export function authorIdOnBoard(boardId: string, secret: string): string {
  return authorIdFor(boardId, secret)
}
