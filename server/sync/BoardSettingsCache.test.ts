import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_DOC_KEYS, DEFAULT_BOARD_SETTINGS, writeBoardSettings } from '../../shared/boardDoc.ts'
import { BoardSettingsCache } from './BoardSettingsCache.ts'

describe('BoardSettingsCache', () => {
  it('follows every change of the settings, whoever makes it and however it arrives', () => {
    const doc = new Y.Doc()
    const cache = new BoardSettingsCache(doc)
    expect(cache.current).toEqual(DEFAULT_BOARD_SETTINGS)

    writeBoardSettings(doc, { anonymous: true })
    expect(cache.current.anonymous).toBe(true)

    // A change that arrives as an update from elsewhere (another client, another instance).
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    writeBoardSettings(other, { deleteOwnNotesOnly: true, anonymous: false })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
    expect(cache.current).toMatchObject({ deleteOwnNotesOnly: true, anonymous: false })
  })

  it('falls back to the default for a malformed value, as reading the settings directly does', () => {
    const doc = new Y.Doc()
    const cache = new BoardSettingsCache(doc)
    doc.getMap(BOARD_DOC_KEYS.settings).set('anonymous', 'yes')
    expect(cache.current.anonymous).toBe(false)
  })

  it('stops following the doc once disposed', () => {
    const doc = new Y.Doc()
    const cache = new BoardSettingsCache(doc)
    expect(cache.current.anonymous).toBe(false)
    cache.dispose()
    writeBoardSettings(doc, { anonymous: true })
    expect(cache.current.anonymous).toBe(false)
  })
})
