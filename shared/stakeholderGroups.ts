import { z } from 'zod'
import { COMMON_MESSAGES } from './i18n/commonMessages.ts'
import { createTranslator } from './i18n/translator.ts'
import { LOCALES, type Localized } from './locales.ts'

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

/**
 * Labels of each stakeholder group in every locale, read from the shared ICU catalogue
 * (shared/i18n/commonMessages.ts, keys `group_<id>`): the words live there, with every other
 * catalogue's checks; this is their typed face for the many places that show a group.
 */
export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, Localized> = Object.fromEntries(
  STAKEHOLDER_GROUPS.map((group) => [group, Object.fromEntries(LOCALES.map((locale) => [locale, createTranslator(COMMON_MESSAGES, locale)(`group_${group}`)]))]),
) as Record<StakeholderGroup, Localized>

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
