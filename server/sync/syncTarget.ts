/** Where a websocket upgrade asks to go: a board and the link token, or why it is refused. */
export type SyncTarget =
  | { ok: true; boardId: string; token: string | null; url: URL }
  | { ok: false; status: 400 | 404; reason: string }

const SYNC_PATH = /^\/sync\/([^/?#]+)$/

/**
 * Reads `/sync/<boardId>?k=<token>` from a request target as the client sent it. Pure and total:
 * whatever bytes arrive (`/sync/%zz`, `http://[/sync/x`), it answers instead of throwing, because
 * a throw here once ended the whole process.
 */
export function parseSyncTarget(target: string | undefined): SyncTarget {
  let url: URL
  try {
    url = new URL(target ?? '/', 'http://x')
  } catch {
    return { ok: false, status: 400, reason: 'request target is not a URL' }
  }
  const match = SYNC_PATH.exec(url.pathname)
  if (!match) return { ok: false, status: 404, reason: 'not a /sync/<board> path' }
  let boardId: string
  try {
    boardId = decodeURIComponent(match[1])
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding in the board id' }
  }
  // URLSearchParams decodes leniently (a stray % stays as it is) and never throws.
  return { ok: true, boardId, token: url.searchParams.get('k'), url }
}

/** The path of a request target for logs: never its query, which carries the link token. */
export function loggablePath(target: string | undefined): string {
  const path = (target ?? '').split(/[?#]/, 1)[0]
  return path.length > 120 ? `${path.slice(0, 120)}…` : path
}
