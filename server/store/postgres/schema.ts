/**
 * The PostgreSQL tables: the same data as the SQLite file, with one difference that matters for
 * several instances: `boards.last_seq` numbers each board's updates 1, 2, 3, … without gaps, so an
 * instance that receives update 5 after 3 knows it missed 4 and reads it back.
 */
export const POSTGRES_SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template TEXT NOT NULL,
  locale TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS board_links (
  board_id TEXT NOT NULL REFERENCES boards(id),
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, role)
);
CREATE TABLE IF NOT EXISTS board_snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS board_updates (
  board_id TEXT NOT NULL REFERENCES boards(id),
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS custom_templates (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  owner_board_id TEXT
);
CREATE INDEX IF NOT EXISTS custom_templates_by_owner ON custom_templates (owner_board_id);
CREATE TABLE IF NOT EXISTS board_assets (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS board_versions (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  label TEXT,
  kind TEXT NOT NULL,
  note_count INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  snapshot BYTEA NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE INDEX IF NOT EXISTS board_versions_by_time ON board_versions (board_id, created_at);
CREATE TABLE IF NOT EXISTS board_votes (
  board_id TEXT NOT NULL REFERENCES boards(id),
  id TEXT NOT NULL,
  config TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ends_at BIGINT,
  closed_at BIGINT,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS vote_ballots (
  board_id TEXT NOT NULL,
  vote_id TEXT NOT NULL,
  voter_id TEXT NOT NULL,
  voter_group TEXT NOT NULL,
  dots TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (board_id, vote_id, voter_id)
);
`

/** Key space of the transaction-scoped advisory locks coboard takes (first argument of the two-int form). */
export const ADVISORY = {
  /** Compaction of one board (second argument: hashtext(board id)). */
  compaction: 7201,
  /** The custom-template quota check (second argument 0). */
  templates: 7202,
  /** Creating the schema at start, when several instances start at once. */
  schema: 7203,
  /** The automatic-version check of one board (second argument: hashtext(board id)). */
  versions: 7204,
} as const
