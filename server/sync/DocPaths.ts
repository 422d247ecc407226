import * as Y from 'yjs'
import { MAX_PATH_DEPTH, type DocPath } from './effects.ts'

/** The path of something in a deleted or collected part of the doc (changes there have no effect). */
export const DEAD = Symbol('dead')
/** A path, or DEAD. */
export type Located = DocPath | typeof DEAD

/**
 * Resolves the path of types already in the doc, walking up through their items (iteratively:
 * a hostile doc may nest thousands of types). Memoised per analysis.
 */
export class DocPaths {
  private readonly memo = new Map<Y.AbstractType<any>, Located>()

  of(type: Y.AbstractType<any>): Located {
    const chain: Y.AbstractType<any>[] = []
    let current: Y.AbstractType<any> = type
    let base: Located | undefined
    for (;;) {
      const known = this.memo.get(current)
      if (known !== undefined) {
        base = known
        break
      }
      const item = current._item
      if (item === null) {
        base = [Y.findRootTypeKey(current)]
        this.memo.set(current, base)
        break
      }
      chain.push(current)
      if (item.deleted || chain.length > MAX_PATH_DEPTH || !(item.parent instanceof Y.AbstractType)) {
        base = DEAD
        break
      }
      current = item.parent
    }
    // Walk back down, extending the base path.
    for (let i = chain.length - 1; i >= 0; i--) {
      const t = chain[i]
      if (base !== DEAD) {
        const item = t._item as Y.Item
        if (item.deleted || base.length >= MAX_PATH_DEPTH) base = DEAD
        else base = [...base, item.parentSub ?? '#']
      }
      this.memo.set(t, base)
    }
    return base
  }
}

/** The top-level ancestor of an item in the doc (itself when its parent is a root), iteratively. */
export function topOfDocItem(item: Y.Item): Y.Item | null {
  let current = item
  for (let depth = 0; depth <= MAX_PATH_DEPTH; depth++) {
    const parent = current.parent
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent._item === null) return current
    current = parent._item
  }
  return null
}
