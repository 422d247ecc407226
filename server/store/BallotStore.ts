import type { Ballot, VoteConfig } from '../../shared/voting/voting.ts'

/** A vote as the server keeps it (its results live in the board's `votes` root once closed). */
export interface StoredVote {
  boardId: string
  id: string
  config: VoteConfig
  status: 'open' | 'closed'
  startedAt: number
  endsAt: number | null
  closedAt: number | null
}

/**
 * Votes and their ballots. Ballots are secret while a vote runs: only the server reads them, to
 * tally them when the vote closes; each is keyed by the voter's pseudonymous per-board id.
 */
export interface BallotStore {
  createVote(vote: StoredVote): Promise<void>
  getVote(boardId: string, id: string): Promise<StoredVote | undefined>
  /** Every vote still open, on every board (to schedule their closing at start). */
  openVotes(): Promise<StoredVote[]>
  /** Replaces a voter's ballot. */
  putBallot(boardId: string, voteId: string, voterId: string, ballot: Ballot): Promise<void>
  getBallot(boardId: string, voteId: string, voterId: string): Promise<Ballot | undefined>
  listBallots(boardId: string, voteId: string): Promise<Ballot[]>
  /** Marks a vote closed; false when it was not open (someone else closed it first). */
  closeVote(boardId: string, id: string, closedAt: number): Promise<boolean>
}
