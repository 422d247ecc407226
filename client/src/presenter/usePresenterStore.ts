import { useEffect, useState } from 'react'
import { atom, computed, createTLStore, defaultBindingUtils, type TLStore } from 'tldraw'
import type { BoardSession } from '../board/BoardSession.ts'
import { STORE_SHAPE_UTILS } from '../board/tldrawSetup.ts'
import { bindStoreToYDoc } from '../sync/bindStoreToYDoc.ts'

/**
 * A tldraw store bound read-only to the board's Y.Doc, for the presenter view: the board's
 * content follows every change, and nothing the presenter's page does is ever written back.
 * Undefined until bound, or when binding failed for good (`failed` says so).
 */
export function usePresenterStore(session: BoardSession): { store: TLStore | undefined; failed: boolean } {
  const [store, setStore] = useState<TLStore>()
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    const next = createTLStore({
      shapeUtils: STORE_SHAPE_UTILS,
      bindingUtils: defaultBindingUtils,
      collaboration: {
        status: computed('online', () => (session.state.get().kind === 'synced' ? 'online' : 'offline')),
        mode: atom('mode', 'readonly' as const),
      },
    })
    const binding = bindStoreToYDoc({
      store: next,
      doc: session.doc,
      readOnly: true,
      onError: (error) => {
        if (error.kind !== 'invalid-records') setFailed(true)
      },
    })
    setStore(next)
    return () => {
      binding.dispose()
      setStore(undefined)
    }
  }, [session])
  return { store, failed }
}
