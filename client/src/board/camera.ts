import type { Rect } from '../../../shared/templates/templateSchema.ts'

/** Space in screen pixels that the UI covers along each edge of the canvas. */
export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}

/** A tldraw camera: a page point (x, y) is drawn at screen ((x + camera.x) * z, (y + camera.y) * z). */
export interface Camera {
  x: number
  y: number
  z: number
}

/** No insets. */
export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 }

/** Options of cameraToShow. */
export interface ShowOptions {
  /** Screen pixels kept free around the shown area, inside the insets. Default 16. */
  margin?: number
  /** The camera never zooms out below this (e.g. so that notes stay readable). */
  minZoom?: number
  /** The camera never zooms in beyond this. */
  maxZoom?: number
}

/**
 * The camera that shows `bounds` (page units) as large as possible in the part of a `viewport`
 * (screen pixels) the UI leaves free, centred. When a minimum zoom keeps it from fitting, the
 * area's top-left corner is shown instead (where a zone's label is), centred along any axis
 * that does fit.
 */
export function cameraToShow(bounds: Rect, viewport: { w: number; h: number }, insets: Insets = NO_INSETS, options: ShowOptions = {}): Camera {
  const margin = options.margin ?? 16
  const free = {
    x: insets.left + margin,
    y: insets.top + margin,
    w: Math.max(1, viewport.w - insets.left - insets.right - 2 * margin),
    h: Math.max(1, viewport.h - insets.top - insets.bottom - 2 * margin),
  }
  const fit = Math.min(free.w / Math.max(1, bounds.w), free.h / Math.max(1, bounds.h))
  let z = fit
  if (options.maxZoom !== undefined) z = Math.min(z, options.maxZoom)
  if (options.minZoom !== undefined) z = Math.max(z, options.minZoom)
  const along = (start: number, size: number, freeStart: number, freeSize: number) => {
    const screenSize = size * z
    // Fits: centre it. Does not fit: its start at the free area's start.
    const screenStart = screenSize <= freeSize + 0.5 ? freeStart + (freeSize - screenSize) / 2 : freeStart
    return screenStart / z - start
  }
  return { x: along(bounds.x, bounds.w, free.x, free.w), y: along(bounds.y, bounds.h, free.y, free.h), z }
}

/** The page area a camera shows in a viewport. */
export function visibleArea(camera: Camera, viewport: { w: number; h: number }): Rect {
  return { x: -camera.x, y: -camera.y, w: viewport.w / camera.z, h: viewport.h / camera.z }
}

/**
 * The smallest camera move that brings `target` (page units) fully into the screen rectangle
 * `free` (e.g. the part above an on-screen keyboard), keeping the zoom. Returns the camera
 * unchanged when it is already in view; a target larger than `free` is aligned by its top-left.
 */
export function cameraToReveal(camera: Camera, target: Rect, free: Rect): Camera {
  const screen = { x: (target.x + camera.x) * camera.z, y: (target.y + camera.y) * camera.z, w: target.w * camera.z, h: target.h * camera.z }
  const dx = revealDelta(screen.x, screen.w, free.x, free.w)
  const dy = revealDelta(screen.y, screen.h, free.y, free.h)
  if (dx === 0 && dy === 0) return camera
  return { x: camera.x + dx / camera.z, y: camera.y + dy / camera.z, z: camera.z }
}

// Screen pixels to move an interval [start, start+size] into [freeStart, freeStart+freeSize].
function revealDelta(start: number, size: number, freeStart: number, freeSize: number): number {
  if (size > freeSize) return freeStart - start
  if (start < freeStart) return freeStart - start
  if (start + size > freeStart + freeSize) return freeStart + freeSize - (start + size)
  return 0
}
