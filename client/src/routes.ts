/** Where the browser is in the app: the lobby, a board (with the link's token) or nowhere. */
export type Route =
  | { page: 'lobby' }
  | { page: 'board'; boardId: string; token: string | undefined }
  | { page: 'notFound' }

/**
 * Reads the route from a location. The token travels in the fragment (`#k=...`) so that it never
 * appears in HTTP requests, server logs or Referer headers.
 */
export function parseRoute(location: { pathname: string; hash: string }): Route {
  if (location.pathname === '/' || location.pathname === '') return { page: 'lobby' }
  const match = /^\/b\/([A-Za-z0-9_-]{1,128})\/?$/.exec(location.pathname)
  if (!match) return { page: 'notFound' }
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  const token = fragment.get('k') ?? undefined
  return { page: 'board', boardId: match[1], token: token === '' ? undefined : token }
}
