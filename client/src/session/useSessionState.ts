import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { readSession, SESSION_ROOT, type SessionState } from '../../../shared/session/sessionState.ts'

/** The board's live session (shared/session/sessionState.ts), re-read whenever it changes. */
export function useSessionState(doc: Y.Doc): SessionState {
  const [session, setSession] = useState(() => readSession(doc))
  useEffect(() => {
    const map = doc.getMap(SESSION_ROOT)
    const update = () => setSession(readSession(doc))
    update()
    map.observe(update)
    return () => map.unobserve(update)
  }, [doc])
  return session
}

/** A value that changes every `ms` while `active` (for countdowns). */
export function useTick(active: boolean, ms = 250): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setTick((n) => n + 1), ms)
    return () => clearInterval(timer)
  }, [active, ms])
  return tick
}
