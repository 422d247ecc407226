import { isEqual } from '@tldraw/utils'
import type { TLRecord } from '@tldraw/tlschema'

/** What a restore writes: records to put (created or changed) and ids to remove. */
export interface RestorePlan {
  put: TLRecord[]
  remove: string[]
  /** For the facilitator: how many records were created, changed and removed (shapes and the rest). */
  counts: { created: number; changed: number; removed: number; shapes: number }
}

/** How much of a version to bring back. */
export type RestoreMode = 'all' | 'deleted'

type Shapeish = TLRecord & { parentId?: string; x?: number; y?: number; props?: { assetId?: string | null } }

/**
 * Plans a restore of a board's records to a version (pure). `all`: the board becomes what it was
 * (records added since are removed, changed ones are set back, removed ones come back). `deleted`:
 * only shapes present then and missing now come back, with the bindings between them and the
 * assets they show; a shape whose parent (a frame, a group) is gone lands on the page at the same
 * place. A restore is a new change on top of the board, never a rewrite of its history.
 */
export function planRestore(current: readonly TLRecord[], version: readonly TLRecord[], mode: RestoreMode): RestorePlan {
  const now = new Map(current.map((record) => [record.id as string, record]))
  const then = new Map(version.map((record) => [record.id as string, record]))
  const put: TLRecord[] = []
  const remove: string[] = []
  const counts = { created: 0, changed: 0, removed: 0, shapes: 0 }

  if (mode === 'all') {
    for (const record of version) {
      const existing = now.get(record.id)
      if (!existing) counts.created++
      else if (!isEqual(existing, record)) counts.changed++
      else continue
      if (record.typeName === 'shape') counts.shapes++
      put.push(record)
    }
    for (const record of current) {
      if (then.has(record.id)) continue
      remove.push(record.id)
      counts.removed++
      if (record.typeName === 'shape') counts.shapes++
    }
    return { put, remove, counts }
  }

  const back = new Map<string, Shapeish>()
  for (const record of version) if (record.typeName === 'shape' && !now.has(record.id)) back.set(record.id, record as Shapeish)
  const present = (id: string | undefined) => id !== undefined && (now.has(id) || back.has(id))
  const page = current.find((record) => record.typeName === 'page')?.id
  for (const shape of back.values()) {
    let restored: Shapeish = shape
    if (!present(shape.parentId) && page) {
      // Place it on the page where it was drawn: add up the offsets of the parents it had then.
      let x = shape.x ?? 0
      let y = shape.y ?? 0
      let parent = then.get(shape.parentId ?? '') as Shapeish | undefined
      while (parent && parent.typeName === 'shape') {
        x += parent.x ?? 0
        y += parent.y ?? 0
        parent = then.get(parent.parentId ?? '') as Shapeish | undefined
      }
      restored = { ...shape, parentId: page, x, y } as Shapeish
    }
    put.push(restored)
    counts.created++
    counts.shapes++
    const assetId = shape.props?.assetId
    if (assetId && !now.has(assetId) && then.has(assetId)) {
      put.push(then.get(assetId)!)
      counts.created++
    }
  }
  for (const record of version) {
    if (record.typeName !== 'binding' || now.has(record.id)) continue
    const binding = record as TLRecord & { fromId: string; toId: string }
    if (!back.has(binding.fromId) && !back.has(binding.toId)) continue
    if (present(binding.fromId) && present(binding.toId)) {
      put.push(record)
      counts.created++
    }
  }
  return { put, remove, counts }
}
