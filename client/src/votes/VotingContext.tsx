import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { BOARD_DOC_KEYS } from '../../../shared/boardDoc.ts'
import { voteRecordSchema, type VoteRecord } from '../../../shared/voting/voting.ts'
import { canEditDocument } from '../../../shared/roles.ts'
import { authorSecret } from '../board/authorKey.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { currentVote, dotsLeft, placeDot, removeDot, type Dots } from './ballot.ts'
import { ApiError } from '../api/apiClient.ts'
import { useCatalog } from '../i18n/useCatalog.ts'
import { VOTE_MESSAGES } from './voteMessages.ts'
import { fetchOwnBallot, putOwnBallot, type VoteCaller } from './votesApi.ts'

/** The board's vote as this browser sees it: the vote, and while it is open this voter's own dots. */
export interface VotingState {
  vote: VoteRecord | undefined
  dots: Dots
  left: number
  canVote: boolean
  /** The last ballot the server refused or could not take (a message to show), if any. */
  problem: string | undefined
  place: (noteId: string) => void
  remove: (noteId: string) => void
  /** How to reach the votes API; undefined where nobody votes (the presenter view). */
  caller: VoteCaller | undefined
}

const VotingContext = createContext<VotingState | null>(null)

/** The vote state, or null outside a board (the presenter view draws notes without voting). */
export function useVoting(): VotingState | null {
  return useContext(VotingContext)
}

/** Votes in the board's server-written `votes` root, kept up to date. */
function useVotes(doc: import('yjs').Doc): VoteRecord[] {
  const read = useCallback(() => {
    const votes: VoteRecord[] = []
    for (const value of doc.getMap<unknown>(BOARD_DOC_KEYS.votes).values()) {
      const parsed = voteRecordSchema.safeParse(value)
      if (parsed.success) votes.push(parsed.data)
    }
    return votes
  }, [doc])
  const [votes, setVotes] = useState(read)
  useEffect(() => {
    const map = doc.getMap(BOARD_DOC_KEYS.votes)
    const update = () => setVotes(read())
    update()
    map.observe(update)
    return () => map.unobserve(update)
  }, [doc, read])
  return votes
}

/**
 * Provides the board's current vote and this voter's ballot: read from the server when a vote
 * opens (so a reload or a second tab shows the same dots) and replaced there after every tap.
 * Ballots never go through the shared document; others see only the results, once closed.
 */
export function VotingProvider(props: { token: string; children: ReactNode }) {
  const { session, info, identity } = useBoard()
  const votes = useVotes(session.doc)
  const vote = currentVote(votes)
  const open = vote?.status === 'open' ? vote : undefined
  const canVote = canEditDocument(info.role) && open !== undefined
  const secret = useMemo(() => authorSecret(window.localStorage, (bytes) => crypto.getRandomValues(bytes)), [])
  const caller = useMemo<VoteCaller>(() => ({ boardId: info.id, token: props.token, authorSecret: secret }), [info.id, props.token, secret])
  const [dots, setDots] = useState<Dots>({})
  const [problem, setProblem] = useState<string>()
  const t = useCatalog(VOTE_MESSAGES)
  // The refusals a voter can meet in normal use, in their language; others as the server says.
  const describe = useCallback(
    (error: Error) => (error instanceof ApiError && error.code === 'not_joined' ? t('notJoined') : error instanceof ApiError && error.code === 'wrong_group' ? t('wrongGroup') : error.message),
    [t],
  )
  // Ballots go out one at a time, in order, each replacing the last.
  const sending = useRef<Promise<unknown>>(Promise.resolve())
  const dotsRef = useRef(dots)
  dotsRef.current = dots

  useEffect(() => {
    setDots({})
    setProblem(undefined)
    if (!open || !canEditDocument(info.role)) return
    let current = true
    const load = () =>
      fetchOwnBallot(caller, open.id, identity.group)
        .then((ballot) => current && setDots(ballot.dots))
        .catch((error: Error) => current && setProblem(error.message))
    void load()
    // Back from another tab (which may have voted with the same author secret): read it again.
    window.addEventListener('focus', load)
    return () => {
      current = false
      window.removeEventListener('focus', load)
    }
  }, [open?.id, caller, identity.group, info.role]) // eslint-disable-line react-hooks/exhaustive-deps

  const send = useCallback(
    (next: Dots) => {
      if (!open) return
      setDots(next)
      sending.current = sending.current.then(() =>
        putOwnBallot(caller, open.id, { dots: { ...next }, group: identity.group })
          .then(() => setProblem(undefined))
          .catch(async (error: Error) => {
            setProblem(describe(error))
            const stored = await fetchOwnBallot(caller, open.id, identity.group).catch(() => undefined)
            if (stored) setDots(stored.dots)
          }),
      )
    },
    [open, caller, identity.group, describe],
  )

  const value = useMemo<VotingState>(
    () => ({
      vote,
      dots,
      left: open ? dotsLeft(dots, open.config) : 0,
      canVote,
      problem,
      caller,
      place: (noteId) => open && send(placeDot(dotsRef.current, noteId, open.config)),
      remove: (noteId) => open && send(removeDot(dotsRef.current, noteId)),
    }),
    [vote, dots, open, canVote, problem, caller, send],
  )
  return <VotingContext.Provider value={value}>{props.children}</VotingContext.Provider>
}

const noop = () => {}

/**
 * The board's vote for views where nobody votes (the presenter view on a projector): once a vote
 * is closed its results show on the notes; while it runs, nothing (no buttons, no ballots).
 */
export function VoteResultsProvider(props: { doc: import('yjs').Doc; children: ReactNode }) {
  const votes = useVotes(props.doc)
  const vote = currentVote(votes)
  const value = useMemo<VotingState>(
    () => ({ vote, dots: {}, left: 0, canVote: false, problem: undefined, caller: undefined, place: noop, remove: noop }),
    [vote],
  )
  return <VotingContext.Provider value={value}>{props.children}</VotingContext.Provider>
}
