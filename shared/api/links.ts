import { z } from 'zod'
import { ROLES, roleSchema } from '../roles.ts'

/** `POST /api/boards/<id>/links/<role>/rotate`. An unknown role is a 404: there is no such link. */
export const rotateLinkParamsSchema = z.object({ boardId: z.string(), role: z.string() })

/** Parses the role of a rotate request, with the message a 404 carries. */
export function parseLinkRole(role: string) {
  return roleSchema.safeParse(role).success
    ? ({ ok: true, role: role as (typeof ROLES)[number] } as const)
    : ({ ok: false, message: `No link role "${role}"; roles are ${ROLES.join(', ')}.` } as const)
}

export const rotatedLinkSchema = z.object({ role: roleSchema, link: z.string() })
/** What a rotation answers: the role and its new link; the old link stops working at once. */
export type RotatedLink = z.infer<typeof rotatedLinkSchema>
