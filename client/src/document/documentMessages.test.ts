import { describe, expect, it } from 'vitest'
import { catalogProblems } from '../../../shared/i18n/catalogCheck.ts'
import { DOCUMENT_MESSAGES } from './documentMessages.ts'

describe('the document’s words', () => {
  it('exist in every language with the same arguments and valid ICU syntax', () => {
    expect(catalogProblems(DOCUMENT_MESSAGES)).toEqual([])
  })
})
