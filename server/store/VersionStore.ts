/** Why a version was kept. */
export type VersionKind = 'auto' | 'manual' | 'restore'

/** One kept version of a board (its content is a Yjs v2 snapshot, read separately). */
export interface StoredVersion {
  id: string
  boardId: string
  createdAt: number
  /** A facilitator's name for it ("after the first workshop"), or null. */
  label: string | null
  kind: VersionKind
  /** Notes on the board then (shapes of type note, template examples left out). */
  noteCount: number
  /** Size of the snapshot in bytes. */
  bytes: number
}

/**
 * Versions of boards: snapshots kept for the board's life (thinned over time, see
 * server/boards/versionThinning.ts). Every method that resolves has made its write durable.
 */
export interface VersionStore {
  addVersion(version: StoredVersion, snapshot: Uint8Array): Promise<void>
  /**
   * Adds an automatic version unless the board already has one kept after `since` (by this
   * instance or another: several instances each hold the board and each would keep one per
   * interval). One check-and-insert at a time per board. Resolves with null when it was added,
   * else with the time of the newest version, which made it unnecessary.
   */
  addVersionUnlessKeptSince(version: StoredVersion, snapshot: Uint8Array, since: number): Promise<number | null>
  /** A board's versions, newest first. */
  listVersions(boardId: string): Promise<StoredVersion[]>
  getVersion(boardId: string, id: string): Promise<{ version: StoredVersion; snapshot: Uint8Array } | undefined>
  /** Renames a version (null removes the name); false when there is no such version. */
  renameVersion(boardId: string, id: string, label: string | null): Promise<boolean>
  deleteVersions(boardId: string, ids: readonly string[]): Promise<void>
}
