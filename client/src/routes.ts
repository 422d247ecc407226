/** Which view of a board: the editor everyone works in, or the presenter view for a projector. */
export type BoardViewKind = 'editor' | 'presenter' | 'outcomes'

/** Where the browser is in the app: the lobby, a board (with the link's token) or nowhere. */
export type Route =
  | { page: 'lobby' }
  | { page: 'board'; boardId: string; token: string | undefined; view: BoardViewKind }
  /** A kept version of the board, read-only (client/src/report/VersionView.tsx). */
  | { page: 'version'; boardId: string; token: string | undefined; versionId: string }
  | { page: 'notFound' }

/**
 * Reads the route from a location. The token travels in the fragment (`#k=...`) so that it never
 * appears in HTTP requests, server logs or Referer headers. `?view=presenter` opens the board's
 * presenter view (`/b/<id>?view=presenter#k=<token>`): the board for a projector, without editing;
 * `?view=outcomes` the "What happened to our input" page (client/src/report/OutcomesPage.tsx);
 * `?view=version&v=<versionId>` a kept version of the board, read-only (facilitator link).
 */
export function parseRoute(location: { pathname: string; hash: string; search?: string }): Route {
  if (location.pathname === '/' || location.pathname === '') return { page: 'lobby' }
  const match = /^\/b\/([A-Za-z0-9_-]{1,128})\/?$/.exec(location.pathname)
  if (!match) return { page: 'notFound' }
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  const token = fragment.get('k') ?? undefined
  const query = new URLSearchParams(location.search ?? '')
  const asked = query.get('view')
  const versionId = query.get('v')
  if (asked === 'version' && versionId) return { page: 'version', boardId: match[1], token: token === '' ? undefined : token, versionId }
  const view: BoardViewKind = asked === 'presenter' || asked === 'outcomes' ? asked : 'editor'
  return { page: 'board', boardId: match[1], token: token === '' ? undefined : token, view }
}

/**
 * The address of a board's presenter view, from a board link (`…/b/<id>#k=<token>`), keeping its
 * token. Give it the observer link: the presenter view only reads, and a projector's address bar
 * is seen by the whole room, so it must never carry the facilitator's token.
 */
export function presenterLink(link: string): string {
  const url = new URL(link)
  url.searchParams.set('view', 'presenter')
  return url.toString()
}

/** The address of a kept version's read-only view, from the board's (facilitator) link. */
export function versionLink(location: { origin: string; pathname: string; hash: string }, versionId: string): string {
  return `${location.origin}${location.pathname}?view=version&v=${encodeURIComponent(versionId)}${location.hash}`
}
