import type { Locale } from '../../../shared/locales.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Catalog } from '../../../shared/i18n/translator.ts'
import { bindCatalog, type MessageShape } from '../../../client/src/i18n/bindCatalog.ts'

/**
 * Strings of content protection: the board's rules (who may delete what), the notice after the
 * server refused a change, and the board history (versions and restores).
 */
export interface ProtectionMessages {
  changeRefused: string
  dismiss: string
  ownNotesOnly: string
  rulesHeading: string
  deleteOwnOnlyLabel: string
  deleteOwnOnlyHint: string
  historyHeading: string
  historyIntro: string
  versionNameLabel: string
  saveVersion: string
  versionSaved: string
  historyLoading: string
  historyFailed: string
  historyEmpty: string
  versionKind: Record<'auto' | 'manual' | 'restore', string>
  versionNotes: (n: number) => string
  restoreAll: string
  restoreDeleted: string
  confirmRestoreAll: (when: string) => string
  confirmRestoreDeleted: (when: string) => string
  restored: (changed: number) => string
  restoredDeleted: (n: number) => string
  restoreFailed: string
  showAllVersions: (n: number) => string
}

/**
 * The words, in ICU MessageFormat (plurals and word order per language); English is the reference,
 * and every locale has every key with the same arguments (client/src/i18n/clientCatalogs.test.ts).
 */
export const PROTECTION_CATALOG = {
  en: {
    changeRefused: 'A change you made was not allowed here (a locked zone, someone else’s note, or a part only the facilitator may change), so the board was loaded again.',
    dismiss: 'Dismiss',
    ownNotesOnly: 'On this board you can delete only your own notes. You can still move and edit the others.',
    rulesHeading: 'Board rules',
    deleteOwnOnlyLabel: 'Participants may delete only their own notes',
    deleteOwnOnlyHint: 'They can still move and edit every note. As facilitator you can delete any note, and bring deleted notes back from the history.',
    historyHeading: 'Board history',
    historyIntro: 'A version of the board is kept every few minutes while people work. Restoring adds a change that everyone receives; nothing is erased, and the board as it was just before is kept as a version too.',
    versionNameLabel: 'Name of the version (optional)',
    saveVersion: 'Save a version now',
    versionSaved: 'Version saved.',
    historyLoading: 'Loading the history…',
    historyFailed: 'The history could not be loaded. Try again in a moment.',
    historyEmpty: 'No versions yet: the first one is kept a few minutes after people start writing.',
    versionKind_auto: 'Automatic',
    versionKind_manual: 'Saved',
    versionKind_restore: 'Before a restore',
    versionNotes: '{n, plural, one {# note} other {# notes}}',
    restoreAll: 'Restore this version',
    restoreDeleted: 'Bring back notes deleted since then',
    confirmRestoreAll: 'Restore the board as it was on {when}? Everyone sees the change at once. The board as it is now is saved as a version first.',
    confirmRestoreDeleted: 'Bring back every note that was on the board on {when} and has been deleted since?',
    restored: '{changed, plural, one {Restored: # change.} other {Restored: # changes.}}',
    restoredDeleted: '{n, plural, =0 {No deleted notes to bring back.} one {# note is back.} other {# notes are back.}}',
    restoreFailed: 'The restore did not work; the board was not changed. Try again in a moment.',
    showAllVersions: 'Show all {n} versions',
  },
  da: {
    changeRefused: 'En ændring, du lavede, var ikke tilladt her (en låst zone, en andens seddel eller noget, kun facilitatoren må ændre), så tavlen blev indlæst igen.',
    dismiss: 'Luk',
    ownNotesOnly: 'På denne tavle kan du kun slette dine egne sedler. Du kan stadig flytte og redigere de andres.',
    rulesHeading: 'Regler for tavlen',
    deleteOwnOnlyLabel: 'Deltagere må kun slette deres egne sedler',
    deleteOwnOnlyHint: 'De kan stadig flytte og redigere alle sedler. Som facilitator kan du slette enhver seddel og hente slettede sedler tilbage fra historikken.',
    historyHeading: 'Tavlens historik',
    historyIntro: 'Der gemmes en version af tavlen med få minutters mellemrum, mens der arbejdes. En gendannelse er en ny ændring, som alle modtager; intet bliver slettet, og tavlen, som den var lige før, gemmes også som en version.',
    versionNameLabel: 'Navn på versionen (valgfrit)',
    saveVersion: 'Gem en version nu',
    versionSaved: 'Versionen er gemt.',
    historyLoading: 'Henter historikken …',
    historyFailed: 'Historikken kunne ikke hentes. Prøv igen om lidt.',
    historyEmpty: 'Ingen versioner endnu: den første gemmes et par minutter efter, at der er begyndt at blive skrevet.',
    versionKind_auto: 'Automatisk',
    versionKind_manual: 'Gemt',
    versionKind_restore: 'Før en gendannelse',
    versionNotes: '{n, plural, one {# seddel} other {# sedler}}',
    restoreAll: 'Gendan denne version',
    restoreDeleted: 'Hent sedler tilbage, der er slettet siden',
    confirmRestoreAll: 'Vil du gendanne tavlen, som den var {when}? Alle ser ændringen med det samme. Tavlen, som den er nu, gemmes først som en version.',
    confirmRestoreDeleted: 'Vil du hente alle sedler tilbage, der var på tavlen {when} og er blevet slettet siden?',
    restored: '{changed, plural, one {Gendannet: # ændring.} other {Gendannet: # ændringer.}}',
    restoredDeleted: '{n, plural, =0 {Der er ingen slettede sedler at hente tilbage.} one {# seddel er tilbage.} other {# sedler er tilbage.}}',
    restoreFailed: 'Gendannelsen lykkedes ikke; tavlen er ikke ændret. Prøv igen om lidt.',
    showAllVersions: 'Vis alle {n} versioner',
  },
  sv: {
    changeRefused: 'En ändring du gjorde var inte tillåten här (en låst zon, någon annans lapp eller något som bara facilitatorn får ändra), så tavlan lästes in på nytt.',
    dismiss: 'Stäng',
    ownNotesOnly: 'På den här tavlan kan du bara ta bort dina egna lappar. Du kan fortfarande flytta och redigera de andras.',
    rulesHeading: 'Regler för tavlan',
    deleteOwnOnlyLabel: 'Deltagare får bara ta bort sina egna lappar',
    deleteOwnOnlyHint: 'De kan fortfarande flytta och redigera alla lappar. Som facilitator kan du ta bort vilken lapp som helst och hämta tillbaka borttagna lappar från historiken.',
    historyHeading: 'Tavlans historik',
    historyIntro: 'En version av tavlan sparas med några minuters mellanrum medan ni arbetar. En återställning är en ny ändring som alla får; ingenting raderas, och tavlan som den var strax innan sparas också som en version.',
    versionNameLabel: 'Namn på versionen (valfritt)',
    saveVersion: 'Spara en version nu',
    versionSaved: 'Versionen är sparad.',
    historyLoading: 'Hämtar historiken …',
    historyFailed: 'Historiken kunde inte hämtas. Försök igen om en stund.',
    historyEmpty: 'Inga versioner ännu: den första sparas några minuter efter att ni börjat skriva.',
    versionKind_auto: 'Automatisk',
    versionKind_manual: 'Sparad',
    versionKind_restore: 'Före en återställning',
    versionNotes: '{n, plural, one {# lapp} other {# lappar}}',
    restoreAll: 'Återställ den här versionen',
    restoreDeleted: 'Hämta tillbaka lappar som tagits bort sedan dess',
    confirmRestoreAll: 'Vill du återställa tavlan som den var {when}? Alla ser ändringen direkt. Tavlan som den är nu sparas först som en version.',
    confirmRestoreDeleted: 'Vill du hämta tillbaka alla lappar som fanns på tavlan {when} och har tagits bort sedan dess?',
    restored: '{changed, plural, one {Återställt: # ändring.} other {Återställt: # ändringar.}}',
    restoredDeleted: '{n, plural, =0 {Det finns inga borttagna lappar att hämta tillbaka.} one {# lapp är tillbaka.} other {# lappar är tillbaka.}}',
    restoreFailed: 'Återställningen lyckades inte; tavlan ändrades inte. Försök igen om en stund.',
    showAllVersions: 'Visa alla {n} versioner',
  },
  nb: {
    changeRefused: 'En endring du gjorde, var ikke tillatt her (en låst sone, noen andres lapp eller noe bare fasilitatoren kan endre), så tavlen ble lastet inn på nytt.',
    dismiss: 'Lukk',
    ownNotesOnly: 'På denne tavlen kan du bare slette dine egne lapper. Du kan fortsatt flytte og redigere de andres.',
    rulesHeading: 'Regler for tavlen',
    deleteOwnOnlyLabel: 'Deltakere kan bare slette sine egne lapper',
    deleteOwnOnlyHint: 'De kan fortsatt flytte og redigere alle lapper. Som fasilitator kan du slette enhver lapp og hente slettede lapper tilbake fra historikken.',
    historyHeading: 'Tavlens historikk',
    historyIntro: 'En versjon av tavlen lagres med noen minutters mellomrom mens dere jobber. En gjenoppretting er en ny endring som alle får; ingenting slettes, og tavlen slik den var rett før, lagres også som en versjon.',
    versionNameLabel: 'Navn på versjonen (valgfritt)',
    saveVersion: 'Lagre en versjon nå',
    versionSaved: 'Versjonen er lagret.',
    historyLoading: 'Henter historikken …',
    historyFailed: 'Historikken kunne ikke hentes. Prøv igjen om litt.',
    historyEmpty: 'Ingen versjoner ennå: den første lagres noen minutter etter at dere har begynt å skrive.',
    versionKind_auto: 'Automatisk',
    versionKind_manual: 'Lagret',
    versionKind_restore: 'Før en gjenoppretting',
    versionNotes: '{n, plural, one {# lapp} other {# lapper}}',
    restoreAll: 'Gjenopprett denne versjonen',
    restoreDeleted: 'Hent tilbake lapper som er slettet siden',
    confirmRestoreAll: 'Vil du gjenopprette tavlen slik den var {when}? Alle ser endringen med én gang. Tavlen slik den er nå, lagres først som en versjon.',
    confirmRestoreDeleted: 'Vil du hente tilbake alle lapper som var på tavlen {when} og er slettet siden?',
    restored: '{changed, plural, one {Gjenopprettet: # endring.} other {Gjenopprettet: # endringer.}}',
    restoredDeleted: '{n, plural, =0 {Det finnes ingen slettede lapper å hente tilbake.} one {# lapp er tilbake.} other {# lapper er tilbake.}}',
    restoreFailed: 'Gjenopprettingen lyktes ikke; tavlen ble ikke endret. Prøv igjen om litt.',
    showAllVersions: 'Vis alle {n} versjoner',
  },
} satisfies Catalog<string>

/** How each message is read from the catalogue. */
const SHAPE: MessageShape<ProtectionMessages> = {
  changeRefused: true,
  dismiss: true,
  ownNotesOnly: true,
  rulesHeading: true,
  deleteOwnOnlyLabel: true,
  deleteOwnOnlyHint: true,
  historyHeading: true,
  historyIntro: true,
  versionNameLabel: true,
  saveVersion: true,
  versionSaved: true,
  historyLoading: true,
  historyFailed: true,
  historyEmpty: true,
  versionKind: ['auto', 'manual', 'restore'],
  versionNotes: (n) => ({ n }),
  restoreAll: true,
  restoreDeleted: true,
  confirmRestoreAll: (when) => ({ when }),
  confirmRestoreDeleted: (when) => ({ when }),
  restored: (changed) => ({ changed }),
  restoredDeleted: (n) => ({ n }),
  restoreFailed: true,
  showAllVersions: (n) => ({ n }),
}

/** Content-protection strings in every locale. */
export const PROTECTION_MESSAGES: Record<Locale, ProtectionMessages> = bindCatalog(PROTECTION_CATALOG, SHAPE)

/** The content-protection strings of the current UI language. */
export function useProtectionMessages(): ProtectionMessages {
  return PROTECTION_MESSAGES[useI18n().locale]
}
