import type { Catalog } from '../../../shared/i18n/translator.ts'

type Key = 'lobbyLabel' | 'lobbyHint' | 'switchLabel' | 'switchHint' | 'switchLocked'

/** Words of anonymous boards: the lobby's box and the facilitator's switch, in ICU MessageFormat. */
export const ANONYMITY_MESSAGES: Catalog<Key> = {
  en: {
    lobbyLabel: 'Anonymous board',
    lobbyHint: 'Keeps no names: people choose only their stakeholder group, and notes and cursors show that group — on screen and in what the server stores.',
    switchLabel: 'Anonymous board: keep no names',
    switchHint: 'Notes and cursors show the stakeholder group only; names kept so far are removed from the board and from what the server stores.',
    switchLocked: 'Can no longer be changed: someone has already written on this board, believing it was {anonymous, select, true {anonymous} other {not anonymous}}.',
  },
  da: {
    lobbyLabel: 'Anonym tavle',
    lobbyHint: 'Gemmer ingen navne: deltagerne vælger kun deres interessentgruppe, og sedler og markører viser gruppen – på skærmen og i det, serveren gemmer.',
    switchLabel: 'Anonym tavle: gem ingen navne',
    switchHint: 'Sedler og markører viser kun interessentgruppen; navne, der er gemt indtil nu, fjernes fra tavlen og fra det, serveren gemmer.',
    switchLocked: 'Kan ikke længere ændres: nogen har allerede skrevet på tavlen i den tro, at den {anonymous, select, true {var anonym} other {ikke var anonym}}.',
  },
  sv: {
    lobbyLabel: 'Anonym tavla',
    lobbyHint: 'Sparar inga namn: deltagarna väljer bara sin intressentgrupp, och lappar och markörer visar gruppen – på skärmen och i det som servern sparar.',
    switchLabel: 'Anonym tavla: spara inga namn',
    switchHint: 'Lappar och markörer visar bara intressentgruppen; namn som sparats hittills tas bort från tavlan och från det som servern sparar.',
    switchLocked: 'Kan inte längre ändras: någon har redan skrivit på tavlan i tron att den {anonymous, select, true {var anonym} other {inte var anonym}}.',
  },
  nb: {
    lobbyLabel: 'Anonym tavle',
    lobbyHint: 'Lagrer ingen navn: deltakerne velger bare interessentgruppen sin, og lapper og markører viser gruppen – på skjermen og i det serveren lagrer.',
    switchLabel: 'Anonym tavle: lagre ingen navn',
    switchHint: 'Lapper og markører viser bare interessentgruppen; navn som er lagret så langt, fjernes fra tavlen og fra det serveren lagrer.',
    switchLocked: 'Kan ikke lenger endres: noen har allerede skrevet på tavlen i den tro at den {anonymous, select, true {var anonym} other {ikke var anonym}}.',
  },
}
