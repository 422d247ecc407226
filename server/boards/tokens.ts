import { createHash, randomBytes } from 'node:crypto'

/** A new capability token: 256 bits from the OS CSPRNG, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The only form in which a token is stored: its SHA-256, hex. Tokens are random, so no salt is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A new board id: 96 random bits, base64url (16 characters). Not a secret: links carry the token. */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url')
}

/** A new id for an uploaded asset: 128 random bits, so that its URL cannot be guessed. */
export function newAssetId(): string {
  return randomBytes(16).toString('base64url')
}

/** A short id for a connection, for logs. */
export function newConnectionId(): string {
  return randomBytes(6).toString('base64url')
}

/** Board ids and tokens are base64url; anything else is refused before it reaches storage. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,128}$/
