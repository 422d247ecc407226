import { z } from 'zod'
import type { Localized } from './locales.ts'

/**
 * Who a participant speaks for. Chosen on joining a board; carried by their notes and presence so
 * that the board can show participation by group and ask "who is missing?".
 */
export const STAKEHOLDER_GROUPS = [
  'civil-servant-strategic',
  'civil-servant-operational',
  'elected-politician',
  'volunteer-association',
  'citizen-service-user',
  'researcher',
  'private-sector',
  'other',
] as const
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number]
export const stakeholderGroupSchema = z.enum(STAKEHOLDER_GROUPS)

/** Labels of each stakeholder group in every locale. */
export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, Localized> = {
  'civil-servant-strategic': {
    en: 'Civil servant (strategic level)',
    da: 'Offentligt ansat (strategisk niveau)',
    sv: 'Tjänsteperson (strategisk nivå)',
    nb: 'Offentlig ansatt (strategisk nivå)',
  },
  'civil-servant-operational': {
    en: 'Civil servant (operational level)',
    da: 'Offentligt ansat (udførende niveau)',
    sv: 'Tjänsteperson (operativ nivå)',
    nb: 'Offentlig ansatt (operativt nivå)',
  },
  'elected-politician': {
    en: 'Elected politician',
    da: 'Folkevalgt politiker',
    sv: 'Förtroendevald politiker',
    nb: 'Folkevalgt politiker',
  },
  'volunteer-association': {
    en: 'Volunteer or association',
    da: 'Frivillig eller forening',
    sv: 'Volontär eller förening',
    nb: 'Frivillig eller forening',
  },
  'citizen-service-user': {
    en: 'Citizen or service user',
    da: 'Borger eller bruger',
    sv: 'Medborgare eller brukare',
    nb: 'Innbygger eller tjenestebruker',
  },
  researcher: {
    en: 'Researcher',
    da: 'Forsker',
    sv: 'Forskare',
    nb: 'Forsker',
  },
  'private-sector': {
    en: 'Private sector',
    da: 'Privat sektor',
    sv: 'Privat sektor',
    nb: 'Privat sektor',
  },
  other: {
    en: 'Other',
    da: 'Andet',
    sv: 'Annat',
    nb: 'Annet',
  },
}

/**
 * A colour per stakeholder group for cursors and badges. Chosen from the Okabe–Ito palette, which
 * stays distinguishable for the common forms of colour blindness; the UI always shows the group's
 * name beside the colour so that colour is never the only cue.
 */
export const STAKEHOLDER_GROUP_COLOURS: Record<StakeholderGroup, string> = {
  'civil-servant-strategic': '#0072B2',
  'civil-servant-operational': '#56B4E9',
  'elected-politician': '#D55E00',
  'volunteer-association': '#009E73',
  'citizen-service-user': '#E69F00',
  researcher: '#CC79A7',
  'private-sector': '#6B6B6B',
  other: '#000000',
}
