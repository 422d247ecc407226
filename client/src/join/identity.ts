import { z } from 'zod'
import { stakeholderGroupSchema, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'

const STORAGE_KEY = 'coboard:identity'

/** Longest display name we accept; long enough for "Anna-Karin Johansson (Region Skåne)". */
export const MAX_DISPLAY_NAME_LENGTH = 60

export const identitySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(MAX_DISPLAY_NAME_LENGTH),
  group: stakeholderGroupSchema,
})
/** Who this browser's user is on boards: a random id, a display name and a stakeholder group. */
export type Identity = z.infer<typeof identitySchema>

/** Reads the identity remembered in this browser, if there is a valid one. */
export function readIdentity(storage: Pick<Storage, 'getItem'>): Identity | undefined {
  try {
    const raw = storage.getItem(STORAGE_KEY)
    if (!raw) return undefined
    const parsed = identitySchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Remembers the identity in this browser, so the next board does not ask again. */
export function writeIdentity(storage: Pick<Storage, 'setItem'>, identity: Identity): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(identity))
  } catch {
    // Private browsing may refuse; the identity still holds for this page.
  }
}

/** Builds an identity from the join form's fields, keeping an existing id so presence is stable. */
export function makeIdentity(
  fields: { name: string; group: StakeholderGroup },
  existingId: string | undefined,
  randomId: () => string,
): Identity {
  return { id: existingId ?? randomId(), name: fields.name.trim(), group: fields.group }
}

/**
 * A random user id. Uses getRandomValues, not randomUUID: the latter exists only in secure
 * contexts, and a workshop server on a LAN is often reached over plain http.
 */
export function randomUserId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
