import { describe, expect, it } from 'vitest'
import { catalogProblems } from '../../../shared/i18n/catalogCheck.ts'
import { createTranslator } from '../../../shared/i18n/translator.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'

describe('the session catalogue', () => {
  it('has every message in every language, with the same arguments', () => {
    expect(catalogProblems(SESSION_MESSAGES)).toEqual([])
  })

  it('names the controls as the issue asks (English)', () => {
    const t = createTranslator(SESSION_MESSAGES, 'en')
    expect([t('nextStep'), t('startTimer'), t('summon'), t('spotlight'), t('readyCheck'), t('freezeBoard'), t('shareLinks'), t('presenterView')]).toEqual([
      'Next step',
      'Start timer',
      'Bring everyone here',
      'Spotlight zone',
      'Ready check',
      'Freeze board',
      'Share links',
      'Presenter view',
    ])
    expect(t('observerCount', { count: 1 })).toBe('1 observer')
    expect(createTranslator(SESSION_MESSAGES, 'da')('readyCount', { done: 3, total: 5 })).toBe('3 af 5 er klar')
  })
})
