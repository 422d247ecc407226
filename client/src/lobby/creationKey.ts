const STORAGE_KEY = 'coboard:createBoardsKey'

/** The creation key remembered in this browser (servers with CREATE_BOARDS=key), if any. */
export function readCreationKey(storage: Pick<Storage, 'getItem'>): string | undefined {
  try {
    return storage.getItem(STORAGE_KEY)?.trim() || undefined
  } catch {
    return undefined
  }
}

/** Remembers the creation key once a board was created with it, so the lobby asks only once. */
export function writeCreationKey(storage: Pick<Storage, 'setItem'>, key: string): void {
  try {
    storage.setItem(STORAGE_KEY, key)
  } catch {
    // Private browsing may refuse; the key still holds for this page.
  }
}

/** Forgets a creation key the server refused (it was changed, or mistyped). */
export function forgetCreationKey(storage: Pick<Storage, 'removeItem'>): void {
  try {
    storage.removeItem(STORAGE_KEY)
  } catch {
    // Nothing stored, nothing to forget.
  }
}
