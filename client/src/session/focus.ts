import type { FocusRequest } from '../../../shared/session/sessionState.ts'
import type { Rect } from '../../../shared/templates/templateSchema.ts'

/*
 * "Bring everyone here" and "spotlight this zone": numbered requests in the session state. Each
 * participant moves once per number, so a reload or a late-arriving update never moves anyone
 * twice, and a participant who stepped away is left alone until the next request.
 */

/** The next request after `previous`: its number one higher. */
export function nextFocus(previous: FocusRequest | null, kind: FocusRequest['kind'], bounds: Rect, at: number, zoneId?: string): FocusRequest {
  const focus: FocusRequest = { seq: (previous?.seq ?? 0) + 1, kind, bounds: { x: bounds.x, y: bounds.y, w: Math.max(1, bounds.w), h: Math.max(1, bounds.h) }, at }
  if (zoneId !== undefined) focus.zoneId = zoneId
  return focus
}

/**
 * Whether a participant should move for `focus`, having last moved (or chosen not to) for
 * `seenSeq`. `undefined` seenSeq means the page has just opened: a request is followed then only
 * if it is recent (`maxAgeMs`, server time), so that opening the board during a discussion shows
 * the spotlighted zone, but not a summons from an hour ago.
 */
export function shouldFollow(focus: FocusRequest | null, seenSeq: number | undefined, serverNow: number, maxAgeMs = 5 * 60_000): boolean {
  if (!focus) return false
  if (seenSeq === undefined) return serverNow - focus.at <= maxAgeMs
  return focus.seq > seenSeq
}

/**
 * Whether a participant has stepped away from a request they followed: the middle of what their
 * screen shows (page units) is outside the request's bounds. Then "Back to the facilitator" is
 * offered; panning within a spotlit zone larger than a phone's screen is not stepping away.
 */
export function steppedAway(focus: Pick<FocusRequest, 'bounds'> | undefined, centre: { x: number; y: number }): boolean {
  if (!focus) return false
  const { x, y, w, h } = focus.bounds
  return centre.x < x || centre.x > x + w || centre.y < y || centre.y > y + h
}
