import { createContext, useContext } from 'react'
import type { BoardInfo } from '../api/apiTypes.ts'
import type { Identity } from '../join/identity.ts'
import type { BoardSession } from './BoardSession.ts'

/** What the board's own UI (status, people, identity) needs from the page around the canvas. */
export interface BoardContextValue {
  session: BoardSession
  info: BoardInfo
  identity: Identity
  readOnly: boolean
  editIdentity: () => void
  /** This browser's pseudonymous author id on the board: stamped on the notes written here. */
  authorId: string
}

export const BoardContext = createContext<BoardContextValue | null>(null)

/** The open board, for components rendered inside tldraw's UI slots. */
export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard must be used inside <BoardContext.Provider>')
  return value
}
