import type { Ballot, VoteConfig } from '../../../shared/voting/voting.ts'
import type { BallotStore, StoredVote } from '../BallotStore.ts'
import type { PgDatabase } from './PgDatabase.ts'

interface VoteRow {
  board_id: string
  id: string
  config: string
  status: string
  started_at: string
  ends_at: string | null
  closed_at: string | null
}

const toVote = (row: VoteRow): StoredVote => ({
  boardId: row.board_id,
  id: row.id,
  config: JSON.parse(row.config) as VoteConfig,
  status: row.status as StoredVote['status'],
  startedAt: Number(row.started_at),
  endsAt: row.ends_at === null ? null : Number(row.ends_at),
  closedAt: row.closed_at === null ? null : Number(row.closed_at),
})

/** Votes and ballots in PostgreSQL. Closing is one conditional UPDATE: one instance wins. */
export class PostgresBallotStore implements BallotStore {
  constructor(
    private readonly db: PgDatabase,
    private readonly ready: Promise<void>,
  ) {}

  private async q(text: string, values: unknown[] = []) {
    await this.ready
    return this.db.query(text, values)
  }

  async createVote(v: StoredVote): Promise<void> {
    await this.q('INSERT INTO board_votes (board_id, id, config, status, started_at, ends_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      v.boardId,
      v.id,
      JSON.stringify(v.config),
      v.status,
      v.startedAt,
      v.endsAt,
      v.closedAt,
    ])
  }

  async getVote(boardId: string, id: string): Promise<StoredVote | undefined> {
    const { rows } = await this.q('SELECT * FROM board_votes WHERE board_id = $1 AND id = $2', [boardId, id])
    return rows[0] ? toVote(rows[0]) : undefined
  }

  async openVotes(): Promise<StoredVote[]> {
    return (await this.q("SELECT * FROM board_votes WHERE status = 'open'")).rows.map(toVote)
  }

  async putBallot(boardId: string, voteId: string, voterId: string, ballot: Ballot): Promise<void> {
    await this.q(
      `INSERT INTO vote_ballots (board_id, vote_id, voter_id, voter_group, dots, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (board_id, vote_id, voter_id) DO UPDATE SET voter_group = excluded.voter_group, dots = excluded.dots, updated_at = excluded.updated_at`,
      [boardId, voteId, voterId, ballot.group, JSON.stringify(ballot.dots), Date.now()],
    )
  }

  async getBallot(boardId: string, voteId: string, voterId: string): Promise<Ballot | undefined> {
    const { rows } = await this.q('SELECT voter_group, dots FROM vote_ballots WHERE board_id = $1 AND vote_id = $2 AND voter_id = $3', [boardId, voteId, voterId])
    return rows[0] ? ({ group: rows[0].voter_group, dots: JSON.parse(rows[0].dots) } as Ballot) : undefined
  }

  async listBallots(boardId: string, voteId: string): Promise<Ballot[]> {
    const { rows } = await this.q('SELECT voter_group, dots FROM vote_ballots WHERE board_id = $1 AND vote_id = $2', [boardId, voteId])
    return rows.map((row) => ({ group: row.voter_group, dots: JSON.parse(row.dots) }) as Ballot)
  }

  async closeVote(boardId: string, id: string, closedAt: number): Promise<boolean> {
    return (await this.q("UPDATE board_votes SET status = 'closed', closed_at = $1 WHERE board_id = $2 AND id = $3 AND status = 'open'", [closedAt, boardId, id])).rowCount === 1
  }
}
