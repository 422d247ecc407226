import { describe, expect, it } from 'vitest'
import { catalogProblems } from '../../../shared/i18n/catalogCheck.ts'
import type { Catalog } from '../../../shared/i18n/translator.ts'
import { BOARD_CATALOG, BOARD_MESSAGES } from '../board/boardMessages.ts'
import { PROTECTION_CATALOG, PROTECTION_MESSAGES } from '../protection/protectionMessages.ts'
import { TEMPLATE_CATALOG, TEMPLATE_MESSAGES } from '../templates/templateMessages.ts'
import { MESSAGES, UI_CATALOG } from './messages.ts'

/** The client's message catalogues that keep their typed message objects (bindCatalog). */
const CATALOGS: Record<string, Catalog<string>> = {
  ui: UI_CATALOG,
  board: BOARD_CATALOG,
  protection: PROTECTION_CATALOG,
  templates: TEMPLATE_CATALOG,
}

describe('client message catalogues', () => {
  for (const [name, catalog] of Object.entries(CATALOGS)) {
    it(`${name}: every locale has every key, none empty, each valid ICU with English's arguments`, () => {
      expect(catalogProblems(catalog)).toEqual([])
    })
  }

  it('plurals follow the number in every language', () => {
    expect(BOARD_MESSAGES.en.tidiedZone('Ideas', 1)).toBe('1 note in “Ideas” arranged in a grid')
    expect(BOARD_MESSAGES.da.tidiedZone('Idéer', 4)).toBe('4 sedler i “Idéer” stillet op i et gitter')
    expect(PROTECTION_MESSAGES.sv.restoredDeleted(0)).toBe('Det finns inga borttagna lappar att hämta tillbaka.')
    expect(PROTECTION_MESSAGES.nb.restoredDeleted(1)).toBe('1 lapp er tilbake.')
    expect(TEMPLATE_MESSAGES.en.zoneCount(2)).toBe('2 zones for notes')
    expect(TEMPLATE_MESSAGES.nb.source(1)).toBe('Kilde')
  })

  it('arguments land where each language puts them, and records keep one text per id', () => {
    expect(MESSAGES.en.copyLink('Participant')).toBe('Copy participant link')
    expect(MESSAGES.sv.joinTitle('Workshop')).toBe('Välkommen till ”Workshop”')
    expect(MESSAGES.nb.roleName.observer).toBe('Observatør')
    expect(MESSAGES.da.uploadTooBig('10')).toBe('Billedet er for stort. Grænsen er 10 MB.')
  })
})
