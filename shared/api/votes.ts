import { z } from 'zod'
import { stakeholderGroupSchema } from '../stakeholderGroups.ts'
import { ballotSchema, voteConfigSchema, voteRecordSchema } from '../voting/voting.ts'

/**
 * The header that carries the browser's author secret on ballot requests: the server derives the
 * voter's pseudonymous per-board id from it, so a second tab or a reload is the same voter.
 */
export const AUTHOR_HEADER = 'x-coboard-author'

export const startVoteRequestSchema = voteConfigSchema
export { ballotSchema, voteRecordSchema }

/**
 * `PUT …/ballot`: the voter's dots. The group a ballot counts for is not the sender's to choose:
 * the server takes it from the board's attendance (the group this browser joined the board as),
 * fixed at the voter's first ballot of the vote. A `group` that says otherwise is refused.
 */
export const ballotRequestSchema = ballotSchema.extend({ group: stakeholderGroupSchema.optional() })
export type BallotRequest = z.infer<typeof ballotRequestSchema>

/** `GET …/ballot`: (older clients send `?group=`; the server answers with the group it counts.) */
export const ownBallotQuerySchema = z.object({ group: stakeholderGroupSchema.optional() })

export const ownBallotSchema = ballotSchema.extend({ used: z.number(), left: z.number() })
/** A voter's own ballot and how many dots they have left. */
export type OwnBallot = z.infer<typeof ownBallotSchema>

export const voteProgressSchema = z.object({ voters: z.number(), dots: z.number(), votersByGroup: z.record(z.string(), z.number()) })
/** How far a vote has got, for the facilitator. */
export type VoteProgress = z.infer<typeof voteProgressSchema>

export const voteParamsSchema = z.object({ boardId: z.string(), voteId: z.string().max(64) })
