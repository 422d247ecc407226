import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** A value read from a root of the board's Y.Doc, read again whenever that root changes. */
export function useYRoot<T>(type: Y.Map<unknown> | Y.XmlFragment, read: () => T): T {
  const [value, setValue] = useState(read)
  useEffect(() => {
    const update = () => setValue(read())
    update()
    type.observeDeep(update)
    return () => type.unobserveDeep(update)
    // `read` reads `type`: it changes only when `type` does.
  }, [type])
  return value
}
