// The zone someone last worked in, per board and browser, so that a phone reopens the board there.

function key(boardId: string): string {
  return `coboard:zone:${boardId}`
}

/** The zone remembered for a board, if any. */
export function readRememberedZone(storage: Pick<Storage, 'getItem'>, boardId: string): string | undefined {
  try {
    return storage.getItem(key(boardId)) ?? undefined
  } catch {
    return undefined
  }
}

/** Remembers the zone someone went to on a board (storage may refuse; then nothing is kept). */
export function rememberZone(storage: Pick<Storage, 'setItem'>, boardId: string, zoneId: string): void {
  try {
    storage.setItem(key(boardId), zoneId)
  } catch {
    // Private mode or storage full: the board then opens on its first zone.
  }
}
