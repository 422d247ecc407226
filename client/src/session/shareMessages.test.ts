import { describe, expect, it } from 'vitest'
import { catalogProblems } from '../../../shared/i18n/catalogCheck.ts'
import { createTranslator } from '../../../shared/i18n/translator.ts'
import { SHARE_MESSAGES } from './shareMessages.ts'

describe('the share panel catalogue', () => {
  it('has every message in every language, with the same arguments', () => {
    expect(catalogProblems(SHARE_MESSAGES)).toEqual([])
  })

  it('says, before a new link is made, that whoever holds the old one is disconnected (every language)', () => {
    const words = { en: 'disconnected', da: 'koblet fra', sv: 'kopplas bort', nb: 'koblet fra' } as const
    for (const [locale, word] of Object.entries(words)) {
      const t = createTranslator(SHARE_MESSAGES, locale as keyof typeof words)
      expect(t('newParticipantLinkWarning')).toContain(word)
      expect(t('newObserverLinkWarning')).toContain(word)
    }
  })
})
