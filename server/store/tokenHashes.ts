import type { Role } from '../../shared/roles.ts'

/** Rows of board_links grouped by board: the current token hash of each role. */
export function groupTokenHashes(rows: ReadonlyArray<{ board_id: string; role: string; token_hash: string }>): Map<string, Map<Role, string>> {
  const byBoard = new Map<string, Map<Role, string>>()
  for (const row of rows) {
    let links = byBoard.get(row.board_id)
    if (!links) byBoard.set(row.board_id, (links = new Map()))
    links.set(row.role as Role, row.token_hash)
  }
  return byBoard
}
