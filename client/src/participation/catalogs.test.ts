import { describe, expect, it } from 'vitest'
import { catalogProblems } from '../../../shared/i18n/catalogCheck.ts'
import { PRIVATE_WRITING_MESSAGES } from '../privateWriting/privateWritingMessages.ts'
import { ANONYMITY_MESSAGES } from '../protection/anonymityMessages.ts'
import { VOTE_MESSAGES } from '../votes/voteMessages.ts'
import { PARTICIPATION_MESSAGES } from './participationMessages.ts'

describe('issue 11 message catalogues', () => {
  for (const [name, catalog] of Object.entries({ PRIVATE_WRITING_MESSAGES, VOTE_MESSAGES, PARTICIPATION_MESSAGES, ANONYMITY_MESSAGES })) {
    it(`${name}: every locale complete and valid ICU`, () => expect(catalogProblems(catalog as never)).toEqual([]))
  }
})
