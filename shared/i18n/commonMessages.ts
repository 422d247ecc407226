import type { StakeholderGroup } from '../stakeholderGroups.ts'
import type { Catalog } from './translator.ts'

/**
 * Words the client, the server and the exports share, in ICU MessageFormat: the default title of
 * a board, each language's own name (for language pickers), and the stakeholder groups. The
 * server names a board made without a title with `untitledBoard`, and the client shows the same
 * words, so a Danish board is "Tavle uden navn" everywhere. English is the reference (checked
 * with every other catalogue by shared/i18n/catalogs.test.ts).
 */
const en = {
  untitledBoard: 'Untitled board',
  /** This language's name in itself ("Dansk" in the Danish catalogue). */
  languageName: 'English',
  'group_civil-servant-strategic': 'Civil servant (strategic level)',
  'group_civil-servant-operational': 'Civil servant (operational level)',
  'group_elected-politician': 'Elected politician',
  'group_volunteer-association': 'Volunteer or association',
  'group_citizen-service-user': 'Citizen or service user',
  group_researcher: 'Researcher',
  'group_private-sector': 'Private sector',
  group_other: 'Other',
} satisfies Record<'untitledBoard' | 'languageName' | `group_${StakeholderGroup}`, string>

export type CommonMessageKey = keyof typeof en

const da: Record<CommonMessageKey, string> = {
  untitledBoard: 'Tavle uden navn',
  languageName: 'Dansk',
  'group_civil-servant-strategic': 'Offentligt ansat (strategisk niveau)',
  'group_civil-servant-operational': 'Offentligt ansat (udførende niveau)',
  'group_elected-politician': 'Folkevalgt politiker',
  'group_volunteer-association': 'Frivillig eller forening',
  'group_citizen-service-user': 'Borger eller bruger',
  group_researcher: 'Forsker',
  'group_private-sector': 'Privat sektor',
  group_other: 'Andet',
}

const sv: Record<CommonMessageKey, string> = {
  untitledBoard: 'Namnlös tavla',
  languageName: 'Svenska',
  'group_civil-servant-strategic': 'Tjänsteperson (strategisk nivå)',
  'group_civil-servant-operational': 'Tjänsteperson (operativ nivå)',
  'group_elected-politician': 'Förtroendevald politiker',
  'group_volunteer-association': 'Volontär eller förening',
  'group_citizen-service-user': 'Medborgare eller brukare',
  group_researcher: 'Forskare',
  'group_private-sector': 'Privat sektor',
  group_other: 'Annat',
}

const nb: Record<CommonMessageKey, string> = {
  untitledBoard: 'Tavle uten navn',
  languageName: 'Norsk bokmål',
  'group_civil-servant-strategic': 'Offentlig ansatt (strategisk nivå)',
  'group_civil-servant-operational': 'Offentlig ansatt (operativt nivå)',
  'group_elected-politician': 'Folkevalgt politiker',
  'group_volunteer-association': 'Frivillig eller forening',
  'group_citizen-service-user': 'Innbygger eller tjenestebruker',
  group_researcher: 'Forsker',
  'group_private-sector': 'Privat sektor',
  group_other: 'Annet',
}

export const COMMON_MESSAGES: Catalog<CommonMessageKey> = { en, da, sv, nb }
