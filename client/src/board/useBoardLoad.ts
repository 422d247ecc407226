import { useEffect, useState } from 'react'
import { ApiError, fetchBoardInfo, fetchClientConfig } from '../api/apiClient.ts'
import type { BoardInfo, ClientConfig } from '../api/apiTypes.ts'

/** Why a board could not be opened, in terms the page can explain. */
export type LoadProblem = 'linkRejected' | 'boardNotFound' | 'loadFailed'

export type BoardLoad =
  | { status: 'loading' }
  | { status: 'failed'; problem: LoadProblem }
  | { status: 'ready'; info: BoardInfo; config: ClientConfig }

/** Maps a failed board lookup to what we tell the user. */
export function loadProblemOf(error: unknown): LoadProblem {
  if (error instanceof ApiError) {
    // The server answers 403 for a wrong or rotated token and 401 for none: both mean "ask the
    // facilitator for the current link".
    if (error.status === 401 || error.status === 403) return 'linkRejected'
    if (error.status === 404) return 'boardNotFound'
  }
  return 'loadFailed'
}

/** Reads the board's info (checking the link) and the run-time config, in parallel. */
export function useBoardLoad(boardId: string, token: string): BoardLoad {
  const [load, setLoad] = useState<BoardLoad>({ status: 'loading' })
  useEffect(() => {
    let current = true
    setLoad({ status: 'loading' })
    Promise.all([fetchBoardInfo(boardId, token), fetchClientConfig()])
      .then(([info, config]) => current && setLoad({ status: 'ready', info, config }))
      .catch((error: unknown) => current && setLoad({ status: 'failed', problem: loadProblemOf(error) }))
    return () => {
      current = false
    }
  }, [boardId, token])
  return load
}
