import { rotatedLinkSchema } from '../../../shared/api/links.ts'
import type { Role } from '../../../shared/roles.ts'
import { bearer, readJson } from '../api/apiClient.ts'

/** Makes a new link for a role (the old one stops working at once); facilitator token only. */
export async function makeNewLink(boardId: string, role: Role, token: string): Promise<string> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/${role}/rotate`, { method: 'POST', headers: bearer(token) })
  return (await readJson(response, rotatedLinkSchema)).link
}
