import type { Catalog } from '../../../shared/i18n/translator.ts'

type Key = 'heading' | 'start' | 'revealAll' | 'phaseOn' | 'publishMine' | 'groupDrafts' | 'draftBadge'

/** Words of private (silent) writing, in ICU MessageFormat. */
export const PRIVATE_WRITING_MESSAGES: Catalog<Key> = {
  en: {
    heading: 'Private writing',
    start: 'Start private writing',
    revealAll: 'Reveal all',
    phaseOn: 'Private writing: new notes stay on your device until published',
    publishMine: 'Publish my notes ({count})',
    groupDrafts: '{group}: {drafts, plural, one {# draft} other {# drafts}} ({people, plural, one {# person} other {# people}})',
    draftBadge: 'Draft — only you see this',
  },
  da: {
    heading: 'Stille skrivning',
    start: 'Start stille skrivning',
    revealAll: 'Offentliggør alle sedler',
    phaseOn: 'Stille skrivning: nye sedler bliver på din enhed, indtil de offentliggøres',
    publishMine: 'Offentliggør mine sedler ({count})',
    groupDrafts: '{group}: {drafts, plural, one {# kladde} other {# kladder}} ({people, plural, one {# person} other {# personer}})',
    draftBadge: 'Kladde – kun du kan se den',
  },
  sv: {
    heading: 'Tyst skrivande',
    start: 'Starta tyst skrivande',
    revealAll: 'Publicera alla lappar',
    phaseOn: 'Tyst skrivande: nya lappar stannar på din enhet tills de publiceras',
    publishMine: 'Publicera mina lappar ({count})',
    groupDrafts: '{group}: {drafts, plural, one {# utkast} other {# utkast}} ({people, plural, one {# person} other {# personer}})',
    draftBadge: 'Utkast – bara du ser det',
  },
  nb: {
    heading: 'Stille skriving',
    start: 'Start stille skriving',
    revealAll: 'Publiser alle lappene',
    phaseOn: 'Stille skriving: nye lapper blir på enheten din til de publiseres',
    publishMine: 'Publiser lappene mine ({count})',
    groupDrafts: '{group}: {drafts, plural, one {# utkast} other {# utkast}} ({people, plural, one {# person} other {# personer}})',
    draftBadge: 'Utkast – bare du ser dette',
  },
}
