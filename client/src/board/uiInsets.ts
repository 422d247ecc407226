import type { Rect } from '../../../shared/templates/templateSchema.ts'
import type { Insets } from './camera.ts'

/**
 * A piece of UI over the canvas: a bar along the top or bottom edge (`across`; which one follows
 * from where it is — "Add note" sits at the top on a desktop, at the bottom on a phone) or a panel
 * along the right edge.
 */
export interface Cover {
  edge: 'across' | 'right'
  rect: Rect
}

/** How far UI reaches in from each edge of the canvas `container` (screen pixels). */
export function insetsFrom(container: Rect, covers: readonly Cover[]): Insets {
  const insets = { top: 0, right: 0, bottom: 0, left: 0 }
  const middle = container.y + container.h / 2
  for (const { edge, rect } of covers) {
    if (rect.w <= 0 || rect.h <= 0) continue
    if (edge === 'right') insets.right = Math.max(insets.right, container.x + container.w - rect.x)
    else if (rect.y + rect.h / 2 < middle) insets.top = Math.max(insets.top, rect.y + rect.h - container.y)
    else insets.bottom = Math.max(insets.bottom, container.y + container.h - rect.y)
  }
  return insets
}

// The UI over the board's canvas: tldraw's menu and toolbar, its style panel when shown, and ours.
// (The bar's parts are `display: contents`, boxless: their buttons and counts are measured, not the
// panels they open.)
const COVERS: ReadonlyArray<{ edge: Cover['edge']; selector: string }> = [
  { edge: 'across', selector: '.tlui-menu-zone' },
  { edge: 'across', selector: '.board-chrome' },
  { edge: 'across', selector: '.zone-nav' },
  { edge: 'across', selector: '.board-template__toggle' },
  { edge: 'across', selector: '.tlui-main-toolbar__inner' },
  { edge: 'across', selector: '.board-add-note' },
  // The facilitator's session chip (top right) and the bar of private writing, voting and
  // participation (above tldraw's toolbar on a desktop, under the zone bar on a phone).
  { edge: 'across', selector: '.session-chip' },
  { edge: 'across', selector: '.every-voice > .every-voice__part > :not(.every-voice__panel)' },
  { edge: 'right', selector: '.tlui-style-panel__wrapper' },
]

/** Measures the insets of the UI currently shown over a canvas container. */
export function measureUiInsets(container: HTMLElement): Insets {
  const box = container.getBoundingClientRect()
  const covers: Cover[] = []
  for (const { edge, selector } of COVERS) {
    for (const element of container.querySelectorAll(selector)) {
      const r = element.getBoundingClientRect()
      covers.push({ edge, rect: { x: r.x, y: r.y, w: r.width, h: r.height } })
    }
  }
  return insetsFrom({ x: box.x, y: box.y, w: box.width, h: box.height }, covers)
}
