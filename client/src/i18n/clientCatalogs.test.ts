import { describe, expect, it } from 'vitest'
import { BOARD_MESSAGES } from '../board/boardMessages.ts'
import { PROTECTION_MESSAGES } from '../protection/protectionMessages.ts'
import { TEMPLATE_MESSAGES } from '../templates/templateMessages.ts'
import { MESSAGES } from './messages.ts'

// Every catalogue's completeness is checked by shared/i18n/catalogs.test.ts, which finds them all;
// here, the typed message objects bound from them (bindCatalog).
describe('client message catalogues', () => {
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
    expect(MESSAGES.da.untitledBoard).toBe('Tavle uden navn')
  })
})
