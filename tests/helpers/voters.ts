import { authorIdFor } from '../../shared/policy/boardRules.ts'
import type { StakeholderGroup } from '../../shared/stakeholderGroups.ts'
import { connectClient, type SyncClient } from './clients.ts'
import { waitFor } from './wait.ts'

/** A person on a board, as a browser would be: a stock client with an author secret and a presence naming their group. */
export interface Voter {
  secret: string
  client: SyncClient
  /** Casts (replaces) this voter's ballot over HTTP; `group` is sent only when given. */
  cast(voteId: string, dots: Record<string, number>, group?: StakeholderGroup): Promise<Response>
}

/**
 * Opens a board as a person of `group` (author secret, presence) and waits until the server has
 * recorded their attendance — the group their ballots will count for.
 */
export async function joinAsVoter(
  server: { url: string; wsUrl: string },
  board: { id: string; tokens: { participant: string } },
  secret: string,
  group: StakeholderGroup,
  name = 'Voter',
): Promise<Voter> {
  const client = await connectClient(server.wsUrl, board.id, board.tokens.participant, { authorSecret: secret })
  client.provider.awareness.setLocalStateField('user', { id: secret.slice(0, 20), name, color: '#0072B2', group })
  const attendeeId = authorIdFor(board.id, secret)
  await waitFor(() => (client.doc.getMap<{ group: string }>('attendance').get(attendeeId)?.group === group ? true : undefined), 5000, `attendance of ${group}`)
  return {
    secret,
    client,
    cast: (voteId, dots, sentGroup) =>
      fetch(`${server.url}/api/boards/${board.id}/votes/${voteId}/ballot`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${board.tokens.participant}`, 'Content-Type': 'application/json', 'X-Coboard-Author': secret },
        body: JSON.stringify(sentGroup ? { dots, group: sentGroup } : { dots }),
      }),
  }
}
