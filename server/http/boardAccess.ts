import type { FastifyRequest } from 'fastify'
import type { Role } from '../../shared/roles.ts'
import type { Access, BoardService } from '../boards/BoardService.ts'
import { HttpError } from './HttpError.ts'

/** A caller whose link token was checked: the board and the role the token grants. */
export type GrantedAccess = Extract<Access, { ok: true }>

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match ? match[1] : undefined
}

/**
 * Checks the caller's link token against a board: 401 without one, 404 for an unknown board,
 * 403 for a wrong or rotated token, and 403 with `refusal` when the role may not do this.
 */
export async function requireAccess(
  boards: BoardService,
  request: FastifyRequest,
  boardId: string,
  allowed?: { roles: (role: Role) => boolean; refusal: string },
): Promise<GrantedAccess> {
  const token = bearerToken(request)
  if (!token) throw new HttpError(401, 'unauthorized', 'Send the link token as "Authorization: Bearer <token>".')
  const result = await boards.authenticate(boardId, token)
  if (!result.ok) {
    if (result.reason === 'not-found') throw new HttpError(404, 'not_found', `No board with id "${boardId.slice(0, 64)}".`)
    throw new HttpError(403, 'forbidden', 'This link is not valid for this board (wrong, or rotated by the facilitator).')
  }
  if (allowed && !allowed.roles(result.role)) throw new HttpError(403, 'forbidden', allowed.refusal)
  return result
}
