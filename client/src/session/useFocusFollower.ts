import { useEffect, useRef, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { FocusRequest } from '../../../shared/session/sessionState.ts'
import { cameraToShow, type Camera } from '../board/camera.ts'
import { measureUiInsets } from '../board/uiInsets.ts'
import { showZone } from '../board/zoneViews.ts'
import { shouldFollow, steppedAway } from './focus.ts'

/** What the participant is told after being moved, and where "back" returns to. */
export interface FocusMove {
  seq: number
  kind: FocusRequest['kind']
  zoneId: string | undefined
  back: Camera
}

/** Moves the camera to a request's bounds: a zone at a readable size, a summons as the facilitator framed it. */
export function moveToFocus(editor: Editor, focus: FocusRequest): void {
  editor.stopFollowingUser()
  if (focus.kind === 'spotlight') return showZone(editor, focus.bounds, { animate: true })
  const screen = editor.getViewportScreenBounds()
  const camera = cameraToShow(focus.bounds, { w: screen.w, h: screen.h }, measureUiInsets(editor.getContainer()), { margin: 0 })
  editor.setCamera(camera, { animation: { duration: 300 } })
}

/**
 * Follows the facilitator's summon and spotlight requests on a participant's (or observer's)
 * screen: the camera animates to the request's bounds once per request number, and the move is
 * returned so the screen can say who moved them and offer "back" (to where they were).
 * The latest request followed stays the facilitator's focus: once the participant steps away
 * from it (steppedAway), `away` is true and `backToFacilitator` brings them to it again.
 */
export function useFocusFollower(editor: Editor, focus: FocusRequest | null, serverNow: () => number, enabled: boolean) {
  const seen = useRef<number | undefined>(undefined)
  const [move, setMove] = useState<FocusMove>()
  const [followed, setFollowed] = useState<FocusRequest>()
  useEffect(() => {
    if (!enabled) return
    const follow = shouldFollow(focus, seen.current, serverNow())
    seen.current = Math.max(seen.current ?? 0, focus?.seq ?? 0)
    if (!follow || !focus) return
    const back = editor.getCamera()
    moveToFocus(editor, focus)
    setFollowed(focus)
    setMove({ seq: focus.seq, kind: focus.kind, zoneId: focus.zoneId, back: { x: back.x, y: back.y, z: back.z } })
    // Marks the moment the move began, for the session benchmark (bench/session.ts).
    performance.mark(`coboard:focus-${focus.seq}`)
  }, [editor, focus, serverNow, enabled])
  // Judged once the camera rests: no flash of the button while the move to the focus animates.
  const away = useValue(
    'stepped away from the facilitator',
    () => editor.getCameraState() === 'idle' && steppedAway(followed, editor.getViewportPageBounds().center),
    [editor, followed],
  )
  return {
    move,
    /** The facilitator's focus this screen followed (to name the zone on "back to the facilitator"). */
    followed,
    away,
    back: () => {
      if (move) editor.setCamera(move.back, { animation: { duration: 300 } })
      setMove(undefined)
    },
    backToFacilitator: () => {
      if (followed) moveToFocus(editor, followed)
    },
    dismiss: () => setMove(undefined),
  }
}
