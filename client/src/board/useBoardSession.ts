import { useCallback, useEffect, useMemo, useState } from 'react'
import { authorIdOnBoard, authorSecret } from './authorKey.ts'
import { browserSessionEnvironment, BoardSession } from './BoardSession.ts'

/** The open board's session and what the page needs to know about it. */
export interface OpenSession {
  session: BoardSession | undefined
  /** This browser's pseudonymous author id on the board (stamped on the notes written here). */
  authorId: string
  /** The server refused a change made here, so the board was loaded again: say so. */
  changeRefused: boolean
  dismissChangeRefused: () => void
}

/**
 * Opens the board's session (local cache + connection) as soon as the board's address is known,
 * in parallel with checking the link and with the join form, so that the board's content is
 * usually there by the time the editor mounts. Disposed when the page leaves the board. When the
 * server refuses a change of ours (4409), the local copy is dropped and a fresh session opened.
 */
export function useBoardSession(boardId: string, token: string): OpenSession {
  const [session, setSession] = useState<BoardSession>()
  // Bumped to open a fresh session after the server refused a change of ours.
  const [generation, setGeneration] = useState(0)
  const [changeRefused, setChangeRefused] = useState(false)
  const secret = useMemo(() => authorSecret(window.localStorage, (bytes) => crypto.getRandomValues(bytes)), [])
  useEffect(() => {
    const opened: BoardSession = new BoardSession({
      boardId,
      token,
      env: browserSessionEnvironment(window),
      authorSecret: secret,
      onReset: () => {
        // Our copy holds a change the board does not: drop it, reopen from the server.
        opened.discardLocalCopy().finally(() => {
          setChangeRefused(true)
          setGeneration((n) => n + 1)
        })
      },
    })
    // Marks for bench/client.ts (User Timing; no cost worth mentioning, nothing leaves the page).
    performance.mark('coboard:session-open')
    opened.start()
    setSession(opened)
    return () => {
      setSession(undefined)
      opened.dispose()
    }
  }, [boardId, token, secret, generation])
  const dismissChangeRefused = useCallback(() => setChangeRefused(false), [])
  return { session, authorId: authorIdOnBoard(boardId, secret), changeRefused, dismissChangeRefused }
}

/** Whether the session has something worth showing yet (see BoardSession.whenContentReady). */
export function useContentReady(session: BoardSession | undefined): boolean {
  const [ready, setReady] = useState<BoardSession>()
  useEffect(() => {
    if (!session) return
    let current = true
    void session.whenContentReady().then(() => {
      performance.mark('coboard:content-ready')
      if (current) setReady(session)
    })
    return () => {
      current = false
    }
  }, [session])
  return session !== undefined && ready === session
}
