import { parseRoute } from '../routes.ts'

/** The link's token, from the fragment of the address the board was opened with. */
export function boardToken(): string {
  const route = parseRoute(window.location)
  return route.page === 'board' ? (route.token ?? '') : ''
}

/** The address of the board's "What happened to our input" page, with the same link token. */
export function outcomesLink(location: { origin: string; pathname: string; hash: string }): string {
  return `${location.origin}${location.pathname}?view=outcomes${location.hash}`
}
