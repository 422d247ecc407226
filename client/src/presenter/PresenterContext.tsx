import { createContext, useContext } from 'react'
import type { PresenterTarget } from './presenterLayout.ts'

/** What the presenter view shows, for components inside tldraw's slots. */
export const PresenterContext = createContext<PresenterTarget>({ kind: 'board' })

/** The presenter view's current target (whole board or one zone). */
export function usePresenterTarget(): PresenterTarget {
  return useContext(PresenterContext)
}
