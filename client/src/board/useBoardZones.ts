import { useMemo } from 'react'
import { computed, useValue, type Editor, type TLShape } from 'tldraw'
import { boardZones, type BoardZone } from '../templates/zoneEditing.ts'

function sameZones(a: readonly BoardZone[], b: readonly BoardZone[]): boolean {
  if (a.length !== b.length) return false
  return a.every((zone, i) => {
    const other = b[i]
    return (
      zone.id === other.id && zone.label === other.label && zone.accent === other.accent && zone.kind === other.kind &&
      zone.x === other.x && zone.y === other.y && zone.w === other.w && zone.h === other.h
    )
  })
}

/**
 * The board's zones, read from their frames. Zone frames have ids of the form
 * `shape:<template>/zone/<zone>` (zoneShapeId), so only those records are read: a note moving, or
 * ten people typing, recomputes nothing here and re-renders nothing that uses it.
 */
export function boardZonesComputed(editor: Editor) {
  return computed<BoardZone[]>(
    'board zones',
    () => {
      const frames: TLShape[] = []
      for (const id of editor.getCurrentPageShapeIds()) {
        if (!id.includes('/zone/')) continue
        const shape = editor.getShape(id)
        if (shape?.type === 'frame') frames.push(shape)
      }
      return boardZones(frames)
    },
    { isEqual: sameZones },
  )
}

/** The board's zones as React state, updated only when a zone itself changes. */
export function useBoardZones(editor: Editor): BoardZone[] {
  const zones = useMemo(() => boardZonesComputed(editor), [editor])
  return useValue(zones)
}
