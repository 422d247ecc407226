import type { Locale } from '../../../shared/locales.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Catalog } from '../../../shared/i18n/translator.ts'
import { bindCatalog, type MessageShape } from '../../../client/src/i18n/bindCatalog.ts'

/**
 * Strings of the template UI (lobby picker, agenda panel, facilitator tools), kept beside the
 * components that use them. Like the rest of coboard's UI, prompts invite rather than order.
 */
export interface TemplateMessages {
  pickerLegend: string
  pickerHint: string
  minutes: (n: number) => string
  zoneCount: (n: number) => string
  suggestedGroups: string
  anyGroup: string
  source: (count: number) => string
  customTemplate: string
  previewOf: (title: string) => string
  panelToggleOpen: string
  panelToggleClose: string
  panelTitle: string
  agendaHeading: string
  agendaTotal: (minutes: number) => string
  agendaEmpty: string
  purposeHeading: string
  sourcesHeading: string
  templateLoading: string
  catalogLoading: string
  catalogFailed: string
  templateUnavailable: string
  facilitatorHeading: string
  showExamples: string
  showExamplesHint: string
  zonesHeading: string
  lockZones: string
  unlockZones: string
  zonesLockedHint: string
  addColumn: string
  addRow: string
  addedZone: (label: string) => string
  nothingToExtend: string
  newColumnLabel: string
  newRowLabel: string
  newZonePrompt: string
  templateFilesHeading: string
  saveAsTemplate: string
  savingAsTemplate: string
  savedAsTemplate: (id: string) => string
  saveFailed: (reason: string) => string
  exportTemplate: string
  importTemplate: string
  importHint: string
  importing: string
  imported: (id: string) => string
  importNotJson: (reason: string) => string
  importInvalid: string
  importExists: string
  importFailed: (reason: string) => string
  downloadAgain: (file: string) => string
  // Issue 7 (template ownership and quotas): the board's own templates, deletion, limits.
  ownTemplatesHeading: string
  ownTemplatesHint: string
  ownTemplatesEmpty: string
  ownTemplatesFailed: string
  deleteTemplate: (title: string) => string
  confirmDeleteTemplate: (title: string) => string
  deletingTemplate: string
  deletedTemplate: (title: string) => string
  deleteFailed: (reason: string) => string
  templateQuotaFull: string
  tooManyTemplateSaves: string
}

/**
 * The words, in ICU MessageFormat (plurals and word order per language); English is the reference,
 * and every locale has every key with the same arguments (client/src/i18n/clientCatalogs.test.ts).
 */
export const TEMPLATE_CATALOG = {
  en: {
    pickerLegend: 'Template',
    pickerHint: 'Each template comes with zones, an agenda and the research it is based on.',
    minutes: '{n} min',
    zoneCount: '{n, plural, one {# zone for notes} other {# zones for notes}}',
    suggestedGroups: 'Suggested groups',
    anyGroup: 'Any group',
    source: '{count, plural, one {Source} other {Sources}}',
    customTemplate: 'Made by a facilitator',
    previewOf: 'Layout of “{title}”',
    panelToggleOpen: 'Show agenda',
    panelToggleClose: 'Hide agenda',
    panelTitle: 'Agenda and template',
    agendaHeading: 'Agenda',
    agendaTotal: '{minutes} minutes in all',
    agendaEmpty: 'This template has no agenda. You are free to shape the session.',
    purposeHeading: 'Purpose',
    sourcesHeading: 'Based on',
    templateLoading: 'Loading the template…',
    catalogLoading: 'Loading templates…',
    catalogFailed: 'The templates could not be loaded. Would you reload the page to try again?',
    templateUnavailable: 'The template of this board could not be loaded.',
    facilitatorHeading: 'For the facilitator',
    showExamples: 'Show example notes',
    showExamplesHint: 'Examples show what a helpful note can look like. Everyone sees them while they are on.',
    zonesHeading: 'Zones',
    lockZones: 'Lock zones',
    unlockZones: 'Unlock zones to adapt them',
    zonesLockedHint: 'Participants can never move or delete zones; unlocking lets you resize and move them.',
    addColumn: 'Add column',
    addRow: 'Add row',
    addedZone: 'Added “{label}”.',
    nothingToExtend: 'There is no zone to copy yet.',
    newColumnLabel: 'New column',
    newRowLabel: 'New row',
    newZonePrompt: 'What would you like to add here?',
    templateFilesHeading: 'Template files',
    saveAsTemplate: 'Save board as template',
    savingAsTemplate: 'Saving…',
    savedAsTemplate: 'Saved as template “{id}”. It is now offered in the lobby, and the file is downloading.',
    saveFailed: 'The board could not be saved as a template. {reason}',
    exportTemplate: 'Export template (JSON)',
    importTemplate: 'Import a template file',
    importHint: 'A JSON file in coboard’s template format. Nothing changes unless the whole file is valid.',
    importing: 'Checking the file…',
    imported: 'Imported template “{id}”. It is now offered in the lobby.',
    importNotJson: 'This file is not JSON: {reason}',
    importInvalid: 'The template was not imported. Would you fix these problems and try again?',
    importExists: 'A template with this id already exists. Would you give the file another id?',
    importFailed: 'The template could not be imported. {reason}',
    downloadAgain: 'Download {file} again',
    ownTemplatesHeading: 'Templates saved from this board',
    ownTemplatesHint: 'Only this board’s facilitator can delete them. Boards already made from a template keep their content.',
    ownTemplatesEmpty: 'No templates have been saved from this board yet.',
    ownTemplatesFailed: 'The templates saved from this board could not be loaded.',
    deleteTemplate: 'Delete “{title}”',
    confirmDeleteTemplate: 'Delete the template “{title}”? It will no longer be offered in the lobby.',
    deletingTemplate: 'Deleting…',
    deletedTemplate: 'Deleted the template “{title}”.',
    deleteFailed: 'The template could not be deleted. {reason}',
    templateQuotaFull: 'No more templates can be kept for this board (or on this server). Would you delete one you no longer need first?',
    tooManyTemplateSaves: 'Many templates were saved from your network in the last hour. Please try again a little later.',
  },
  da: {
    pickerLegend: 'Skabelon',
    pickerHint: 'Hver skabelon har zoner, en dagsorden og den forskning, den bygger på.',
    minutes: '{n} min.',
    zoneCount: '{n, plural, one {# zone til sedler} other {# zoner til sedler}}',
    suggestedGroups: 'Foreslåede grupper',
    anyGroup: 'Alle grupper',
    source: '{count, plural, one {Kilde} other {Kilder}}',
    customTemplate: 'Lavet af en facilitator',
    previewOf: 'Layout af “{title}”',
    panelToggleOpen: 'Vis dagsorden',
    panelToggleClose: 'Skjul dagsorden',
    panelTitle: 'Dagsorden og skabelon',
    agendaHeading: 'Dagsorden',
    agendaTotal: '{minutes} minutter i alt',
    agendaEmpty: 'Denne skabelon har ingen dagsorden. I kan frit forme mødet.',
    purposeHeading: 'Formål',
    sourcesHeading: 'Bygger på',
    templateLoading: 'Henter skabelonen…',
    catalogLoading: 'Henter skabeloner…',
    catalogFailed: 'Skabelonerne kunne ikke hentes. Vil du genindlæse siden og prøve igen?',
    templateUnavailable: 'Tavlens skabelon kunne ikke hentes.',
    facilitatorHeading: 'Til facilitatoren',
    showExamples: 'Vis eksempelsedler',
    showExamplesHint: 'Eksempler viser, hvordan en god seddel kan se ud. Alle kan se dem, mens de er slået til.',
    zonesHeading: 'Zoner',
    lockZones: 'Lås zonerne',
    unlockZones: 'Lås zonerne op for at tilpasse dem',
    zonesLockedHint: 'Deltagere kan aldrig flytte eller slette zoner; når de er låst op, kan du ændre størrelse og flytte dem.',
    addColumn: 'Tilføj kolonne',
    addRow: 'Tilføj række',
    addedZone: '“{label}” er tilføjet.',
    nothingToExtend: 'Der er endnu ingen zone at kopiere.',
    newColumnLabel: 'Ny kolonne',
    newRowLabel: 'Ny række',
    newZonePrompt: 'Hvad vil I gerne tilføje her?',
    templateFilesHeading: 'Skabelonfiler',
    saveAsTemplate: 'Gem tavlen som skabelon',
    savingAsTemplate: 'Gemmer…',
    savedAsTemplate: 'Gemt som skabelonen “{id}”. Den kan nu vælges i lobbyen, og filen hentes ned.',
    saveFailed: 'Tavlen kunne ikke gemmes som skabelon. {reason}',
    exportTemplate: 'Eksportér skabelon (JSON)',
    importTemplate: 'Importér en skabelonfil',
    importHint: 'En JSON-fil i coboards skabelonformat. Intet ændres, medmindre hele filen er gyldig.',
    importing: 'Tjekker filen…',
    imported: 'Skabelonen “{id}” er importeret. Den kan nu vælges i lobbyen.',
    importNotJson: 'Filen er ikke JSON: {reason}',
    importInvalid: 'Skabelonen blev ikke importeret. Vil du rette disse problemer og prøve igen?',
    importExists: 'Der findes allerede en skabelon med dette id. Vil du give filen et andet id?',
    importFailed: 'Skabelonen kunne ikke importeres. {reason}',
    downloadAgain: 'Hent {file} igen',
    ownTemplatesHeading: 'Skabeloner gemt fra denne tavle',
    ownTemplatesHint: 'Kun tavlens facilitator kan slette dem. Tavler, der allerede er lavet ud fra en skabelon, beholder deres indhold.',
    ownTemplatesEmpty: 'Der er endnu ikke gemt skabeloner fra denne tavle.',
    ownTemplatesFailed: 'Skabelonerne gemt fra denne tavle kunne ikke hentes.',
    deleteTemplate: 'Slet “{title}”',
    confirmDeleteTemplate: 'Slet skabelonen “{title}”? Den kan derefter ikke længere vælges i lobbyen.',
    deletingTemplate: 'Sletter…',
    deletedTemplate: 'Skabelonen “{title}” er slettet.',
    deleteFailed: 'Skabelonen kunne ikke slettes. {reason}',
    templateQuotaFull: 'Der kan ikke gemmes flere skabeloner for denne tavle (eller på denne server). Vil du først slette en, du ikke længere bruger?',
    tooManyTemplateSaves: 'Der er gemt mange skabeloner fra jeres netværk den seneste time. Prøv igen lidt senere.',
  },
  sv: {
    pickerLegend: 'Mall',
    pickerHint: 'Varje mall har zoner, en agenda och den forskning den bygger på.',
    minutes: '{n} min',
    zoneCount: '{n, plural, one {# zon för lappar} other {# zoner för lappar}}',
    suggestedGroups: 'Föreslagna grupper',
    anyGroup: 'Alla grupper',
    source: '{count, plural, one {Källa} other {Källor}}',
    customTemplate: 'Gjord av en facilitator',
    previewOf: 'Layout för ”{title}”',
    panelToggleOpen: 'Visa agendan',
    panelToggleClose: 'Dölj agendan',
    panelTitle: 'Agenda och mall',
    agendaHeading: 'Agenda',
    agendaTotal: '{minutes} minuter totalt',
    agendaEmpty: 'Den här mallen har ingen agenda. Ni kan fritt forma mötet.',
    purposeHeading: 'Syfte',
    sourcesHeading: 'Bygger på',
    templateLoading: 'Hämtar mallen…',
    catalogLoading: 'Hämtar mallar…',
    catalogFailed: 'Mallarna kunde inte hämtas. Vill du ladda om sidan och försöka igen?',
    templateUnavailable: 'Tavlans mall kunde inte hämtas.',
    facilitatorHeading: 'För facilitatorn',
    showExamples: 'Visa exempellappar',
    showExamplesHint: 'Exemplen visar hur en bra lapp kan se ut. Alla ser dem medan de är påslagna.',
    zonesHeading: 'Zoner',
    lockZones: 'Lås zonerna',
    unlockZones: 'Lås upp zonerna för att anpassa dem',
    zonesLockedHint: 'Deltagare kan aldrig flytta eller ta bort zoner; när de är upplåsta kan du ändra storlek på dem och flytta dem.',
    addColumn: 'Lägg till kolumn',
    addRow: 'Lägg till rad',
    addedZone: '”{label}” har lagts till.',
    nothingToExtend: 'Det finns ännu ingen zon att kopiera.',
    newColumnLabel: 'Ny kolumn',
    newRowLabel: 'Ny rad',
    newZonePrompt: 'Vad vill ni lägga till här?',
    templateFilesHeading: 'Mallfiler',
    saveAsTemplate: 'Spara tavlan som mall',
    savingAsTemplate: 'Sparar…',
    savedAsTemplate: 'Sparad som mallen ”{id}”. Den går nu att välja i lobbyn, och filen laddas ned.',
    saveFailed: 'Tavlan kunde inte sparas som mall. {reason}',
    exportTemplate: 'Exportera mall (JSON)',
    importTemplate: 'Importera en mallfil',
    importHint: 'En JSON-fil i coboards mallformat. Inget ändras om inte hela filen är giltig.',
    importing: 'Kontrollerar filen…',
    imported: 'Mallen ”{id}” har importerats. Den går nu att välja i lobbyn.',
    importNotJson: 'Filen är inte JSON: {reason}',
    importInvalid: 'Mallen importerades inte. Vill du rätta de här problemen och försöka igen?',
    importExists: 'Det finns redan en mall med det här id:t. Vill du ge filen ett annat id?',
    importFailed: 'Mallen kunde inte importeras. {reason}',
    downloadAgain: 'Ladda ned {file} igen',
    ownTemplatesHeading: 'Mallar sparade från den här tavlan',
    ownTemplatesHint: 'Bara tavlans facilitator kan ta bort dem. Tavlor som redan har skapats från en mall behåller sitt innehåll.',
    ownTemplatesEmpty: 'Inga mallar har sparats från den här tavlan än.',
    ownTemplatesFailed: 'Mallarna som sparats från den här tavlan kunde inte hämtas.',
    deleteTemplate: 'Ta bort ”{title}”',
    confirmDeleteTemplate: 'Ta bort mallen ”{title}”? Den går då inte längre att välja i lobbyn.',
    deletingTemplate: 'Tar bort…',
    deletedTemplate: 'Mallen ”{title}” har tagits bort.',
    deleteFailed: 'Mallen kunde inte tas bort. {reason}',
    templateQuotaFull: 'Inga fler mallar kan sparas för den här tavlan (eller på den här servern). Vill du först ta bort en som du inte längre behöver?',
    tooManyTemplateSaves: 'Många mallar har sparats från ert nätverk den senaste timmen. Försök igen lite senare.',
  },
  nb: {
    pickerLegend: 'Mal',
    pickerHint: 'Hver mal har soner, en agenda og forskningen den bygger på.',
    minutes: '{n} min',
    zoneCount: '{n, plural, one {# sone for lapper} other {# soner for lapper}}',
    suggestedGroups: 'Foreslåtte grupper',
    anyGroup: 'Alle grupper',
    source: '{count, plural, one {Kilde} other {Kilder}}',
    customTemplate: 'Laget av en fasilitator',
    previewOf: 'Oppsett av «{title}»',
    panelToggleOpen: 'Vis agendaen',
    panelToggleClose: 'Skjul agendaen',
    panelTitle: 'Agenda og mal',
    agendaHeading: 'Agenda',
    agendaTotal: '{minutes} minutter totalt',
    agendaEmpty: 'Denne malen har ingen agenda. Dere kan fritt forme møtet.',
    purposeHeading: 'Formål',
    sourcesHeading: 'Bygger på',
    templateLoading: 'Henter malen…',
    catalogLoading: 'Henter maler…',
    catalogFailed: 'Malene kunne ikke hentes. Vil du laste inn siden på nytt og prøve igjen?',
    templateUnavailable: 'Tavlens mal kunne ikke hentes.',
    facilitatorHeading: 'For fasilitatoren',
    showExamples: 'Vis eksempellapper',
    showExamplesHint: 'Eksemplene viser hvordan en god lapp kan se ut. Alle ser dem mens de er slått på.',
    zonesHeading: 'Soner',
    lockZones: 'Lås sonene',
    unlockZones: 'Lås opp sonene for å tilpasse dem',
    zonesLockedHint: 'Deltakere kan aldri flytte eller slette soner; når de er låst opp, kan du endre størrelse på dem og flytte dem.',
    addColumn: 'Legg til kolonne',
    addRow: 'Legg til rad',
    addedZone: '«{label}» er lagt til.',
    nothingToExtend: 'Det finnes ennå ingen sone å kopiere.',
    newColumnLabel: 'Ny kolonne',
    newRowLabel: 'Ny rad',
    newZonePrompt: 'Hva vil dere legge til her?',
    templateFilesHeading: 'Malfiler',
    saveAsTemplate: 'Lagre tavlen som mal',
    savingAsTemplate: 'Lagrer…',
    savedAsTemplate: 'Lagret som malen «{id}». Den kan nå velges i lobbyen, og filen lastes ned.',
    saveFailed: 'Tavlen kunne ikke lagres som mal. {reason}',
    exportTemplate: 'Eksporter mal (JSON)',
    importTemplate: 'Importer en malfil',
    importHint: 'En JSON-fil i coboards malformat. Ingenting endres med mindre hele filen er gyldig.',
    importing: 'Sjekker filen…',
    imported: 'Malen «{id}» er importert. Den kan nå velges i lobbyen.',
    importNotJson: 'Filen er ikke JSON: {reason}',
    importInvalid: 'Malen ble ikke importert. Vil du rette disse problemene og prøve igjen?',
    importExists: 'Det finnes allerede en mal med denne id-en. Vil du gi filen en annen id?',
    importFailed: 'Malen kunne ikke importeres. {reason}',
    downloadAgain: 'Last ned {file} på nytt',
    ownTemplatesHeading: 'Maler lagret fra denne tavlen',
    ownTemplatesHint: 'Bare tavlens fasilitator kan slette dem. Tavler som allerede er laget fra en mal, beholder innholdet sitt.',
    ownTemplatesEmpty: 'Ingen maler er lagret fra denne tavlen ennå.',
    ownTemplatesFailed: 'Malene som er lagret fra denne tavlen, kunne ikke hentes.',
    deleteTemplate: 'Slett «{title}»',
    confirmDeleteTemplate: 'Slette malen «{title}»? Den kan da ikke lenger velges i lobbyen.',
    deletingTemplate: 'Sletter…',
    deletedTemplate: 'Malen «{title}» er slettet.',
    deleteFailed: 'Malen kunne ikke slettes. {reason}',
    templateQuotaFull: 'Det kan ikke lagres flere maler for denne tavlen (eller på denne serveren). Vil du først slette en du ikke lenger trenger?',
    tooManyTemplateSaves: 'Mange maler er lagret fra nettverket deres den siste timen. Prøv igjen litt senere.',
  },
} satisfies Catalog<string>

/** How each message is read from the catalogue. */
const SHAPE: MessageShape<TemplateMessages> = {
  pickerLegend: true,
  pickerHint: true,
  minutes: (n) => ({ n }),
  zoneCount: (n) => ({ n }),
  suggestedGroups: true,
  anyGroup: true,
  source: (count) => ({ count }),
  customTemplate: true,
  previewOf: (title) => ({ title }),
  panelToggleOpen: true,
  panelToggleClose: true,
  panelTitle: true,
  agendaHeading: true,
  agendaTotal: (minutes) => ({ minutes }),
  agendaEmpty: true,
  purposeHeading: true,
  sourcesHeading: true,
  templateLoading: true,
  catalogLoading: true,
  catalogFailed: true,
  templateUnavailable: true,
  facilitatorHeading: true,
  showExamples: true,
  showExamplesHint: true,
  zonesHeading: true,
  lockZones: true,
  unlockZones: true,
  zonesLockedHint: true,
  addColumn: true,
  addRow: true,
  addedZone: (label) => ({ label }),
  nothingToExtend: true,
  newColumnLabel: true,
  newRowLabel: true,
  newZonePrompt: true,
  templateFilesHeading: true,
  saveAsTemplate: true,
  savingAsTemplate: true,
  savedAsTemplate: (id) => ({ id }),
  saveFailed: (reason) => ({ reason }),
  exportTemplate: true,
  importTemplate: true,
  importHint: true,
  importing: true,
  imported: (id) => ({ id }),
  importNotJson: (reason) => ({ reason }),
  importInvalid: true,
  importExists: true,
  importFailed: (reason) => ({ reason }),
  downloadAgain: (file) => ({ file }),
  ownTemplatesHeading: true,
  ownTemplatesHint: true,
  ownTemplatesEmpty: true,
  ownTemplatesFailed: true,
  deleteTemplate: (title) => ({ title }),
  confirmDeleteTemplate: (title) => ({ title }),
  deletingTemplate: true,
  deletedTemplate: (title) => ({ title }),
  deleteFailed: (reason) => ({ reason }),
  templateQuotaFull: true,
  tooManyTemplateSaves: true,
}

/** The template UI's strings in every locale. */
export const TEMPLATE_MESSAGES: Record<Locale, TemplateMessages> = bindCatalog(TEMPLATE_CATALOG, SHAPE)

/** The template UI's strings in the current UI language. */
export function useTemplateMessages(): TemplateMessages {
  return TEMPLATE_MESSAGES[useI18n().locale]
}
