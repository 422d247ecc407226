import type { TLRecord } from '@tldraw/tlschema'
import type { Logger } from 'pino'
import type { ApiErrorCode } from '../../shared/api/errors.ts'
import { BOARD_DOC_KEYS } from '../../shared/boardDoc.ts'
import { isExampleNote } from '../../shared/templates/generateTemplateRecords.ts'
import { assignNotesToZones } from '../../shared/templates/zoneMembership.ts'
import { readRecords } from '../../shared/tldrawYjs/recordsDoc.ts'
import type { BallotRequest } from '../../shared/api/votes.ts'
import { stakeholderGroupSchema, type StakeholderGroup } from '../../shared/stakeholderGroups.ts'
import { ballotProblem, tally, type Ballot, type VoteConfig, type VoteRecord } from '../../shared/voting/voting.ts'
import type { BallotStore, StoredVote } from '../store/BallotStore.ts'
import type { Room } from '../sync/Room.ts'
import type { RoomManager } from '../sync/RoomManager.ts'
import { newConnectionId } from './tokens.ts'

/** A vote request the service refuses, with the HTTP status and code the API answers. */
export class VoteError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** A voter's ballot as they see it, with what they have left. */
export interface OwnBallot extends Ballot {
  used: number
  left: number
}

/**
 * Dot votes: started and closed by the facilitator, ballots cast by participants — all through
 * the server. While a vote runs its ballots are only in the server's store; the board's `votes`
 * root (which no client may write) holds the vote's settings, and once closed its results. A
 * vote with a duration closes by itself; timers are cleared by `stop()` and set again at start.
 */
export class VoteService {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly now: () => number
  private rescanTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly options: {
      store: BallotStore
      rooms: RoomManager
      log: Logger
      now?: () => number
      /**
       * With several instances: how often to pick up votes other instances started, so that a
       * timed vote still closes on time when the instance that started it died. Whichever
       * instance's timer fires first closes it (the store lets exactly one close succeed).
       */
      rescanMs?: number
    },
  ) {
    this.now = options.now ?? Date.now
  }

  /** Schedules the closing of votes that were open when the server stopped. */
  async resume(): Promise<void> {
    for (const vote of await this.options.store.openVotes()) this.schedule(vote)
    if (this.options.rescanMs && !this.rescanTimer) {
      this.rescanTimer = setInterval(() => {
        this.resumeOnce().catch((error: unknown) => this.options.log.warn({ err: error }, 'could not read open votes'))
      }, this.options.rescanMs)
      this.rescanTimer.unref()
    }
  }

  private async resumeOnce(): Promise<void> {
    for (const vote of await this.options.store.openVotes()) this.schedule(vote)
  }

  /** Starts a vote; 409 when one is already open on the board. */
  async start(boardId: string, config: VoteConfig): Promise<VoteRecord> {
    return this.withRoom(boardId, async (room) => {
      const open = readVotes(room).find((vote) => vote.status === 'open')
      if (open) throw new VoteError(409, 'vote_open', 'A vote is already open on this board; close it first.')
      const startedAt = this.now()
      const vote: StoredVote = {
        boardId,
        id: `v${startedAt.toString(36)}${newConnectionId().replace(/[^A-Za-z0-9]/g, '')}`,
        config,
        status: 'open',
        startedAt,
        endsAt: config.minutes ? startedAt + config.minutes * 60_000 : null,
        closedAt: null,
      }
      await this.options.store.createVote(vote)
      const record = toRecord(vote, null)
      room.applyServerChange((doc) => doc.getMap(BOARD_DOC_KEYS.votes).set(vote.id, record))
      this.schedule(vote)
      this.options.log.info({ board: boardId, vote: vote.id }, 'vote started')
      return record
    })
  }

  /**
   * Replaces a voter's ballot after checking it against the vote and the notes on the board. The
   * ballot counts for the group the voter joined the board as (the server's attendance record,
   * written from their presence), fixed by their first ballot of the vote: a request cannot choose it.
   */
  async cast(boardId: string, voteId: string, voterId: string, request: BallotRequest): Promise<OwnBallot> {
    const vote = await this.openVote(boardId, voteId)
    const { eligible, joinedAs } = await this.withRoom(boardId, async (room) => ({
      eligible: eligibleNotes(readRecords(room.doc), vote.config),
      joinedAs: attendanceGroup(room.doc, voterId),
    }))
    const earlier = await this.options.store.getBallot(boardId, voteId, voterId)
    const group = earlier?.group ?? joinedAs
    if (!group) {
      throw new VoteError(409, 'not_joined', 'This browser has not joined the board yet: open the board (and choose your stakeholder group) before voting, since a ballot counts for the group you joined as.')
    }
    if (request.group !== undefined && request.group !== group) {
      throw new VoteError(
        409,
        'wrong_group',
        earlier
          ? `This ballot says "${request.group}", but your ballots in this vote count for "${group}", the group you had when you first voted; it stays so until the vote closes.`
          : `This ballot says "${request.group}", but you joined this board as "${group}": a ballot counts for the group you joined as.`,
      )
    }
    const ballot: Ballot = { dots: request.dots, group }
    const problem = ballotProblem(ballot, vote.config, new Set(eligible.keys()))
    if (problem) throw new VoteError(400, 'bad_ballot', `This ballot cannot be counted: ${problem}.`)
    await this.options.store.putBallot(boardId, voteId, voterId, ballot)
    return own(ballot, vote.config)
  }

  /** A voter's own ballot (empty when they have not voted), with the group it counts for. */
  async ballotOf(boardId: string, voteId: string, voterId: string, fallbackGroup: Ballot['group'] | undefined): Promise<OwnBallot> {
    const vote = await this.options.store.getVote(boardId, voteId)
    if (!vote) throw new VoteError(404, 'not_found', `No vote "${voteId}" on this board.`)
    const stored = await this.options.store.getBallot(boardId, voteId, voterId)
    if (stored) return own(stored, vote.config)
    const joinedAs = await this.withRoom(boardId, async (room) => attendanceGroup(room.doc, voterId))
    return own({ dots: {}, group: joinedAs ?? fallbackGroup ?? 'other' }, vote.config)
  }

  /** How far a vote has got (for the facilitator): voters and dots, by group — never whose ballot is what. */
  async progress(boardId: string, voteId: string): Promise<{ voters: number; dots: number; votersByGroup: Record<string, number> }> {
    const vote = await this.options.store.getVote(boardId, voteId)
    if (!vote) throw new VoteError(404, 'not_found', `No vote "${voteId}" on this board.`)
    const ballots = (await this.options.store.listBallots(boardId, voteId)).filter((b) => Object.keys(b.dots).length > 0)
    const votersByGroup: Record<string, number> = {}
    for (const ballot of ballots) votersByGroup[ballot.group] = (votersByGroup[ballot.group] ?? 0) + 1
    const dots = ballots.reduce((sum, b) => sum + Object.values(b.dots).reduce((s, n) => s + n, 0), 0)
    return { voters: ballots.length, dots, votersByGroup }
  }

  /**
   * Closes a vote: tallies the ballots and writes the results into the board for everyone. A vote
   * the store already has as closed but whose results never reached the board (the write failed,
   * or the server stopped in between) is tallied and written again; one with results is refused.
   */
  async close(boardId: string, voteId: string): Promise<VoteRecord> {
    const vote = await this.options.store.getVote(boardId, voteId)
    if (!vote) throw new VoteError(404, 'not_found', `No vote "${voteId}" on this board.`)
    let closedAt = this.now()
    if (!(await this.options.store.closeVote(boardId, voteId, closedAt))) {
      const written = await this.withRoom(boardId, async (room) => readVotes(room).find((v) => v.id === voteId))
      if (written?.status === 'closed' && written.results !== null) throw new VoteError(409, 'vote_closed', 'This vote is already closed.')
      closedAt = (await this.options.store.getVote(boardId, voteId))?.closedAt ?? closedAt
      this.options.log.warn({ board: boardId, vote: voteId }, 'vote closed without results on the board; tallying it again')
    }
    this.unschedule(boardId, voteId)
    const ballots = await this.options.store.listBallots(boardId, voteId)
    return this.withRoom(boardId, async (room) => {
      const zones = eligibleNotes(readRecords(room.doc), vote.config)
      const record = toRecord({ ...vote, status: 'closed', closedAt }, tally(vote.config, ballots, zones))
      room.applyServerChange((doc) => doc.getMap(BOARD_DOC_KEYS.votes).set(voteId, record))
      await room.whenPersisted()
      this.options.log.info({ board: boardId, vote: voteId, voters: record.results?.voters }, 'vote closed')
      return record
    })
  }

  private async openVote(boardId: string, voteId: string): Promise<StoredVote> {
    const vote = await this.options.store.getVote(boardId, voteId)
    if (!vote) throw new VoteError(404, 'not_found', `No vote "${voteId}" on this board.`)
    if (vote.status !== 'open' || (vote.endsAt !== null && this.now() >= vote.endsAt)) {
      throw new VoteError(409, 'vote_closed', 'This vote is closed; ballots can no longer change.')
    }
    return vote
  }

  private schedule(vote: StoredVote): void {
    const key = `${vote.boardId}/${vote.id}`
    if (vote.endsAt === null || this.timers.has(key)) return
    const timer = setTimeout(
      () => {
        this.timers.delete(key)
        this.close(vote.boardId, vote.id).catch((error: unknown) => {
          if (!(error instanceof VoteError)) this.options.log.error({ err: error, board: vote.boardId, vote: vote.id }, 'closing a vote on time failed')
        })
      },
      Math.max(0, vote.endsAt - this.now()),
    )
    timer.unref()
    this.timers.set(key, timer)
  }

  private unschedule(boardId: string, voteId: string): void {
    const key = `${boardId}/${voteId}`
    clearTimeout(this.timers.get(key))
    this.timers.delete(key)
  }

  private async withRoom<T>(boardId: string, use: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.options.rooms.acquire(boardId)
    try {
      return await use(room)
    } finally {
      this.options.rooms.releaseIfEmpty(room)
    }
  }

  /** Clears every timer. */
  stop(): void {
    if (this.rescanTimer) clearInterval(this.rescanTimer)
    this.rescanTimer = undefined
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}

/** The group a voter joined the board as (the server-written attendance root), if they joined. */
function attendanceGroup(doc: Room['doc'], voterId: string): StakeholderGroup | undefined {
  const entry = doc.getMap<{ group?: unknown }>(BOARD_DOC_KEYS.attendance).get(voterId)
  const parsed = stakeholderGroupSchema.safeParse(entry?.group)
  return parsed.success ? parsed.data : undefined
}

function readVotes(room: Room): VoteRecord[] {
  return [...room.doc.getMap<VoteRecord>(BOARD_DOC_KEYS.votes).values()]
}

function toRecord(vote: StoredVote, results: VoteRecord['results']): VoteRecord {
  return {
    id: vote.id,
    status: vote.status,
    config: vote.config,
    startedAt: vote.startedAt,
    endsAt: vote.endsAt,
    closedAt: vote.closedAt,
    results,
  }
}

function own(ballot: Ballot, config: VoteConfig): OwnBallot {
  const used = Object.values(ballot.dots).reduce((sum, n) => sum + n, 0)
  return { ...ballot, used, left: Math.max(0, config.perPerson - used) }
}

/** The notes a vote is about (participants' notes, not template examples), with their zones. */
export function eligibleNotes(records: TLRecord[], config: VoteConfig): Map<string, string | null> {
  const zones = assignNotesToZones(records)
  const byId = new Map(records.map((r) => [r.id as string, r]))
  const eligible = new Map<string, string | null>()
  for (const [noteId, zone] of zones) {
    const record = byId.get(noteId)
    if (!record || isExampleNote(record)) continue
    if (config.zones.length > 0 && (zone === null || !config.zones.includes(zone))) continue
    eligible.set(noteId, zone)
  }
  return eligible
}
