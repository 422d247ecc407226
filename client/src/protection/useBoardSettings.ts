import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { BOARD_DOC_KEYS, readBoardSettings, type BoardSettings } from '../../../shared/boardDoc.ts'

/** The board's rules (the `settings` root of its Y.Doc), updated live as a facilitator changes them. */
export function useBoardSettings(doc: Y.Doc): BoardSettings {
  const [settings, setSettings] = useState(() => readBoardSettings(doc))
  useEffect(() => {
    const map = doc.getMap(BOARD_DOC_KEYS.settings)
    const update = () => setSettings(readBoardSettings(doc))
    update()
    map.observe(update)
    return () => map.unobserve(update)
  }, [doc])
  return settings
}
