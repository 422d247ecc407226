import type Database from 'better-sqlite3'
import type { Ballot, VoteConfig } from '../../shared/voting/voting.ts'
import type { BallotStore, StoredVote } from './BallotStore.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS board_votes (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  config TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ends_at INTEGER,
  closed_at INTEGER,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS vote_ballots (
  board_id TEXT NOT NULL,
  vote_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  voter_group TEXT NOT NULL,
  dots TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, vote_id, voter_id)
);
`

interface VoteRow {
  board_id: string
  id: string
  config: string
  status: string
  started_at: number
  ends_at: number | null
  closed_at: number | null
}

const toVote = (row: VoteRow): StoredVote => ({
  boardId: row.board_id,
  id: row.id,
  config: JSON.parse(row.config) as VoteConfig,
  status: row.status as StoredVote['status'],
  startedAt: row.started_at,
  endsAt: row.ends_at,
  closedAt: row.closed_at,
})

/** Votes and ballots in the embedded SQLite file. */
export class SqliteBallotStore implements BallotStore {
  private readonly stmt

  constructor(db: Database.Database) {
    db.exec(SCHEMA)
    this.stmt = {
      insertVote: db.prepare(
        'INSERT INTO board_votes (board_id, id, config, status, started_at, ends_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      getVote: db.prepare<[string, string], VoteRow>('SELECT * FROM board_votes WHERE board_id = ? AND id = ?'),
      openVotes: db.prepare<[], VoteRow>("SELECT * FROM board_votes WHERE status = 'open'"),
      closeVote: db.prepare("UPDATE board_votes SET status = 'closed', closed_at = ? WHERE board_id = ? AND id = ? AND status = 'open'"),
      putBallot: db.prepare(
        `INSERT INTO vote_ballots (board_id, vote_id, voter_id, voter_group, dots, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (board_id, vote_id, voter_id) DO UPDATE SET voter_group = excluded.voter_group, dots = excluded.dots, updated_at = excluded.updated_at`,
      ),
      getBallot: db.prepare<[string, string, string], { voter_group: string; dots: string }>(
        'SELECT voter_group, dots FROM vote_ballots WHERE board_id = ? AND vote_id = ? AND voter_id = ?',
      ),
      listBallots: db.prepare<[string, string], { voter_group: string; dots: string }>(
        'SELECT voter_group, dots FROM vote_ballots WHERE board_id = ? AND vote_id = ?',
      ),
    }
  }

  async createVote(v: StoredVote): Promise<void> {
    this.stmt.insertVote.run(v.boardId, v.id, JSON.stringify(v.config), v.status, v.startedAt, v.endsAt, v.closedAt)
  }

  async getVote(boardId: string, id: string): Promise<StoredVote | undefined> {
    const row = this.stmt.getVote.get(boardId, id)
    return row ? toVote(row) : undefined
  }

  async openVotes(): Promise<StoredVote[]> {
    return this.stmt.openVotes.all().map(toVote)
  }

  async putBallot(boardId: string, voteId: string, voterId: string, ballot: Ballot): Promise<void> {
    this.stmt.putBallot.run(boardId, voteId, voterId, ballot.group, JSON.stringify(ballot.dots), Date.now())
  }

  async getBallot(boardId: string, voteId: string, voterId: string): Promise<Ballot | undefined> {
    const row = this.stmt.getBallot.get(boardId, voteId, voterId)
    return row ? ({ group: row.voter_group, dots: JSON.parse(row.dots) } as Ballot) : undefined
  }

  async listBallots(boardId: string, voteId: string): Promise<Ballot[]> {
    return this.stmt.listBallots.all(boardId, voteId).map((row) => ({ group: row.voter_group, dots: JSON.parse(row.dots) }) as Ballot)
  }

  async closeVote(boardId: string, id: string, closedAt: number): Promise<boolean> {
    return this.stmt.closeVote.run(closedAt, boardId, id).changes === 1
  }
}
