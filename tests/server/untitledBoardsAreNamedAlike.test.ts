import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../shared/locales.ts'
import { MESSAGES } from '../../client/src/i18n/messages.ts'
import { useTestServer } from '../helpers/testServer.ts'

describe('a board created without a title', () => {
  const t = useTestServer()

  it('is named by the server with the very words the client shows for an untitled board, in each language', async () => {
    for (const locale of LOCALES) {
      const board = await t.server.createBoard({ template: 'blank', locale })
      expect(board.title, locale).toBe(MESSAGES[locale].untitledBoard)
    }
    expect(MESSAGES.da.untitledBoard).toBe('Tavle uden navn')
  })
})
