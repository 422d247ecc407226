import type { SerializedSchema, StoreSchema, UnknownRecord } from '@tldraw/store'

/**
 * How a board's stored tldraw schema relates to the running code's schema:
 * - 'same': records can be used as they are;
 * - 'older': records must be migrated up (the board was last written by an older coboard);
 * - 'newer': the board was written by a newer coboard; this code must not read or write it.
 */
export type SchemaRelation = 'same' | 'older' | 'newer'

/**
 * Compares a stored SerializedSchema with the running schema. A sequence we do not know, or one
 * at a higher version than ours, means 'newer' — even if other sequences are older, because we
 * cannot migrate what we do not understand.
 */
export function compareSchema(
  stored: SerializedSchema,
  current: StoreSchema<UnknownRecord, unknown>,
): SchemaRelation {
  const ours = current.serialize().sequences
  if (stored.schemaVersion === 2) {
    for (const [sequenceId, version] of Object.entries(stored.sequences)) {
      const ourVersion = ours[sequenceId]
      if (ourVersion === undefined || version > ourVersion) return 'newer'
    }
  }
  const migrations = current.getMigrationsSince(stored)
  if (!migrations.ok) return 'newer'
  return migrations.value.length > 0 ? 'older' : 'same'
}
