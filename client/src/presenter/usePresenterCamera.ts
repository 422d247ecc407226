import { useEffect } from 'react'
import { useValue, type Editor } from 'tldraw'
import { cameraToShow } from '../board/camera.ts'
import type { BoardZone } from '../templates/zoneEditing.ts'
import type { PresenterTarget } from './presenterLayout.ts'

/** Screen pixels kept free around the board or zone the presenter shows. */
export const PRESENTER_MARGIN = 24

/**
 * Keeps the presenter's camera on its target — the whole board or one zone, as large as the
 * stage allows — when the target changes, the zone moves or the window is resized.
 */
export function usePresenterCamera(editor: Editor | undefined, target: PresenterTarget, zones: readonly BoardZone[]): void {
  const viewport = useValue(
    'presenter viewport',
    () => {
      const bounds = editor?.getViewportScreenBounds()
      return bounds ? `${bounds.w}x${bounds.h}` : ''
    },
    [editor],
  )
  const zone = target.kind === 'zone' ? zones.find((z) => z.id === target.zoneId) : undefined
  const zoneKey = zone ? `${zone.x},${zone.y},${zone.w},${zone.h}` : ''
  // The board's bounds change as people add notes; refit the whole board when they do.
  const boardKey = useValue(
    'presenter board bounds',
    () => {
      if (!editor || target.kind !== 'board') return ''
      const bounds = editor.getCurrentPageBounds()
      return bounds ? `${Math.round(bounds.x)},${Math.round(bounds.y)},${Math.round(bounds.w)},${Math.round(bounds.h)}` : ''
    },
    [editor, target.kind],
  )
  useEffect(() => {
    if (!editor || !viewport) return
    const bounds = zone ?? editor.getCurrentPageBounds()
    if (!bounds) return
    const screen = editor.getViewportScreenBounds()
    editor.setCamera(cameraToShow(bounds, { w: screen.w, h: screen.h }, undefined, { margin: PRESENTER_MARGIN, maxZoom: 4 }), { immediate: true })
    // zoneKey and boardKey stand for the geometry read above.
  }, [editor, viewport, zone?.id, zoneKey, boardKey]) // eslint-disable-line react-hooks/exhaustive-deps
}
