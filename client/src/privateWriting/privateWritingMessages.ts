import type { Catalog } from '../../../shared/i18n/translator.ts'

type Key = 'heading' | 'start' | 'revealAll' | 'phaseOn' | 'publishMine' | 'groupDrafts' | 'draftBadge' | 'forStep' | 'timeUp'

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
    forStep: 'For “{step}”, with {minutes, plural, one {# minute} other {# minutes}} on the timer',
    timeUp: 'Time is up: reveal everyone’s notes when the group is ready.',
  },
  da: {
    heading: 'Stille skrivning',
    start: 'Start stille skrivning',
    revealAll: 'Offentliggør alle sedler',
    phaseOn: 'Stille skrivning: nye sedler bliver på din enhed, indtil de offentliggøres',
    publishMine: 'Offentliggør mine sedler ({count})',
    groupDrafts: '{group}: {drafts, plural, one {# kladde} other {# kladder}} ({people, plural, one {# person} other {# personer}})',
    draftBadge: 'Kladde – kun du kan se den',
    forStep: 'Til “{step}”, med {minutes, plural, one {# minut} other {# minutter}} på uret',
    timeUp: 'Tiden er gået: vis alles sedler, når gruppen er klar.',
  },
  sv: {
    heading: 'Tyst skrivande',
    start: 'Starta tyst skrivande',
    revealAll: 'Publicera alla lappar',
    phaseOn: 'Tyst skrivande: nya lappar stannar på din enhet tills de publiceras',
    publishMine: 'Publicera mina lappar ({count})',
    groupDrafts: '{group}: {drafts, plural, one {# utkast} other {# utkast}} ({people, plural, one {# person} other {# personer}})',
    draftBadge: 'Utkast – bara du ser det',
    forStep: 'För ”{step}”, med {minutes, plural, one {# minut} other {# minuter}} på klockan',
    timeUp: 'Tiden är ute: visa allas lappar när gruppen är redo.',
  },
  nb: {
    heading: 'Stille skriving',
    start: 'Start stille skriving',
    revealAll: 'Publiser alle lappene',
    phaseOn: 'Stille skriving: nye lapper blir på enheten din til de publiseres',
    publishMine: 'Publiser lappene mine ({count})',
    groupDrafts: '{group}: {drafts, plural, one {# utkast} other {# utkast}} ({people, plural, one {# person} other {# personer}})',
    draftBadge: 'Utkast – bare du ser dette',
    forStep: 'For «{step}», med {minutes, plural, one {# minutt} other {# minutter}} på klokka',
    timeUp: 'Tiden er ute: vis alles lapper når gruppen er klar.',
  },
}
