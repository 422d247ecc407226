import type { Editor, TLShapeId } from 'tldraw'
import type { Rect } from '../../../shared/templates/templateSchema.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'
import { cameraToReveal, cameraToShow, type Camera, type Insets } from './camera.ts'
import { measureUiInsets } from './uiInsets.ts'
import { openingZone, READABLE_ZOOM } from './zoneNavigation.ts'
import { readZones } from './zoneNotes.ts'

/** Zoom never goes beyond this when showing a zone: a small cell on a large screen stays in proportion. */
const MAX_ZONE_ZOOM = 1.5

/** Whether a viewport is a phone's (in either orientation): there, a board opens on one zone. */
export function isPhoneViewport(viewport: { w: number; h: number }): boolean {
  return Math.min(viewport.w, viewport.h) < 600
}

function viewportOf(editor: Editor): { w: number; h: number } {
  const bounds = editor.getViewportScreenBounds()
  return { w: bounds.w, h: bounds.h }
}

function insetsOf(editor: Editor): Insets {
  return measureUiInsets(editor.getContainer())
}

function apply(editor: Editor, camera: Camera, animate: boolean): void {
  editor.setCamera(camera, animate ? { animation: { duration: 220 } } : { immediate: true })
}

/** Shows a zone at a zoom where its notes are readable, beside the UI; its label first when it does not fit. */
export function showZone(editor: Editor, zone: Rect, options: { animate?: boolean } = {}): void {
  const camera = cameraToShow(zone, viewportOf(editor), insetsOf(editor), { minZoom: READABLE_ZOOM, maxZoom: MAX_ZONE_ZOOM })
  apply(editor, camera, options.animate ?? true)
}

/** Shows the whole board (title, purpose, every zone) in the part of the screen the UI leaves free. */
export function showWholeBoard(editor: Editor, options: { animate?: boolean } = {}): void {
  const bounds = editor.getCurrentPageBounds()
  if (!bounds) return
  apply(editor, cameraToShow(bounds, viewportOf(editor), insetsOf(editor), { maxZoom: 1 }), options.animate ?? true)
}

/**
 * The first view of a board: on a phone, the remembered (or first) zone at a readable size — the
 * whole board would be 8–12 % of its size there; elsewhere the whole board, clear of the UI.
 * Returns the zone shown, if any.
 */
export function showOpeningView(editor: Editor, remembered: string | undefined): BoardZone | undefined {
  const zones = readZones(editor)
  const zone = isPhoneViewport(viewportOf(editor)) ? openingZone(zones, remembered) : undefined
  if (zone) showZone(editor, zone, { animate: false })
  else if (editor.getCurrentPageShapeIds().size > 0) showWholeBoard(editor, { animate: false })
  return zone
}

/**
 * Brings the note being edited into `free` (screen pixels; e.g. the part of the screen above the
 * on-screen keyboard), moving the camera as little as possible, and — unless `zoomIn` is false —
 * zoomed in to where its text is readable.
 */
export function revealNote(editor: Editor, noteId: TLShapeId, free?: Rect, options: { zoomIn?: boolean } = {}): void {
  const bounds = editor.getShapePageBounds(noteId)
  if (!bounds) return
  const viewport = viewportOf(editor)
  const insets = insetsOf(editor)
  const area = free ?? { x: insets.left, y: insets.top, w: viewport.w - insets.left - insets.right, h: viewport.h - insets.top - insets.bottom }
  let camera: Camera = editor.getCamera()
  if ((options.zoomIn ?? true) && camera.z < READABLE_ZOOM) {
    camera = cameraToShow(bounds, viewport, { top: area.y, left: area.x, right: viewport.w - area.x - area.w, bottom: viewport.h - area.y - area.h }, {
      minZoom: READABLE_ZOOM,
      maxZoom: READABLE_ZOOM,
    })
  }
  const margin = 8
  const revealed = cameraToReveal(camera, bounds, { x: area.x + margin, y: area.y + margin, w: area.w - 2 * margin, h: area.h - 2 * margin })
  const current = editor.getCamera()
  if (revealed.x !== current.x || revealed.y !== current.y || revealed.z !== current.z) apply(editor, revealed, false)
}
