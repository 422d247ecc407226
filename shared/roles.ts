import { z } from 'zod'

/** The access a board link grants. Each board has exactly one secret link per role. */
export const ROLES = ['facilitator', 'participant', 'observer'] as const
export type Role = (typeof ROLES)[number]
export const roleSchema = z.enum(ROLES)

/** Whether a role may change the board's shared document (notes, shapes, text). */
export function canEditDocument(role: Role): boolean {
  return role === 'facilitator' || role === 'participant'
}

/** Whether a role may manage the board itself: rotate links, change facilitation state. */
export function canManageBoard(role: Role): boolean {
  return role === 'facilitator'
}

/** Whether a role may upload images and other assets to the board. */
export function canUploadAssets(role: Role): boolean {
  return canEditDocument(role)
}
