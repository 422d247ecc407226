import { AUTHOR_HEADER, ownBallotSchema, voteProgressSchema, voteRecordSchema, type OwnBallot, type VoteProgress } from '../../../shared/api/votes.ts'
import type { StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import type { VoteConfig, VoteRecord } from '../../../shared/voting/voting.ts'
import { bearer, readJson } from '../api/apiClient.ts'

/** Who is asking: the link token, and for ballots this browser's author secret (the voter). */
export interface VoteCaller {
  boardId: string
  token: string
  authorSecret: string
}

const base = (caller: VoteCaller) => `/api/boards/${encodeURIComponent(caller.boardId)}/votes`
const json = { 'Content-Type': 'application/json' }

/** Starts a vote (facilitator). */
export async function startVote(caller: VoteCaller, config: VoteConfig): Promise<VoteRecord> {
  const response = await fetch(base(caller), { method: 'POST', headers: { ...bearer(caller.token), ...json }, body: JSON.stringify(config) })
  return readJson(response, voteRecordSchema)
}

/** This browser's own ballot (empty when it has not voted). */
export async function fetchOwnBallot(caller: VoteCaller, voteId: string, group: StakeholderGroup): Promise<OwnBallot> {
  const response = await fetch(`${base(caller)}/${encodeURIComponent(voteId)}/ballot?group=${encodeURIComponent(group)}`, {
    headers: { ...bearer(caller.token), [AUTHOR_HEADER]: caller.authorSecret },
  })
  return readJson(response, ownBallotSchema)
}

/** Replaces this browser's ballot; the server answers with what it counted. */
export async function putOwnBallot(caller: VoteCaller, voteId: string, ballot: { dots: Record<string, number>; group: StakeholderGroup }): Promise<OwnBallot> {
  const response = await fetch(`${base(caller)}/${encodeURIComponent(voteId)}/ballot`, {
    method: 'PUT',
    headers: { ...bearer(caller.token), [AUTHOR_HEADER]: caller.authorSecret, ...json },
    body: JSON.stringify(ballot),
  })
  return readJson(response, ownBallotSchema)
}

/** How many have voted, by group (facilitator; counts only). */
export async function fetchProgress(caller: VoteCaller, voteId: string): Promise<VoteProgress> {
  const response = await fetch(`${base(caller)}/${encodeURIComponent(voteId)}/progress`, { headers: bearer(caller.token) })
  return readJson(response, voteProgressSchema)
}

/** Closes a vote (facilitator): the server writes the results into the board. */
export async function closeVote(caller: VoteCaller, voteId: string): Promise<VoteRecord> {
  const response = await fetch(`${base(caller)}/${encodeURIComponent(voteId)}/close`, { method: 'POST', headers: bearer(caller.token) })
  return readJson(response, voteRecordSchema)
}
