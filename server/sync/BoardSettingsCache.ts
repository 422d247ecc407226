import type * as Y from 'yjs'
import { BOARD_DOC_KEYS, readBoardSettings, type BoardSettings } from '../../shared/boardDoc.ts'

/**
 * A board's settings as of now, read (and validated) once per change of the `settings` root
 * rather than once per update the policy judges: reading them parses every key with zod, and
 * the document policy needs them for every change to the board.
 */
export class BoardSettingsCache {
  private value: BoardSettings | undefined
  private readonly map: Y.Map<unknown>

  constructor(private readonly doc: Y.Doc) {
    this.map = doc.getMap<unknown>(BOARD_DOC_KEYS.settings)
    this.map.observe(this.invalidate)
  }

  get current(): BoardSettings {
    return (this.value ??= readBoardSettings(this.doc))
  }

  private readonly invalidate = (): void => {
    this.value = undefined
  }

  /** Stops following the doc. */
  dispose(): void {
    this.map.unobserve(this.invalidate)
  }
}
