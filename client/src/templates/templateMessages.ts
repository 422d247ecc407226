import type { Locale } from '../../../shared/locales.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

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

const en: TemplateMessages = {
  pickerLegend: 'Template',
  pickerHint: 'Each template comes with zones, an agenda and the research it is based on.',
  minutes: (n) => `${n} min`,
  zoneCount: (n) => (n === 1 ? '1 zone for notes' : `${n} zones for notes`),
  suggestedGroups: 'Suggested groups',
  anyGroup: 'Any group',
  source: (count) => (count === 1 ? 'Source' : 'Sources'),
  customTemplate: 'Made by a facilitator',
  previewOf: (title) => `Layout of “${title}”`,
  panelToggleOpen: 'Show agenda',
  panelToggleClose: 'Hide agenda',
  panelTitle: 'Agenda and template',
  agendaHeading: 'Agenda',
  agendaTotal: (minutes) => `${minutes} minutes in all`,
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
  addedZone: (label) => `Added “${label}”.`,
  nothingToExtend: 'There is no zone to copy yet.',
  newColumnLabel: 'New column',
  newRowLabel: 'New row',
  newZonePrompt: 'What would you like to add here?',
  templateFilesHeading: 'Template files',
  saveAsTemplate: 'Save board as template',
  savingAsTemplate: 'Saving…',
  savedAsTemplate: (id) => `Saved as template “${id}”. It is now offered in the lobby, and the file is downloading.`,
  saveFailed: (reason) => `The board could not be saved as a template. ${reason}`,
  exportTemplate: 'Export template (JSON)',
  importTemplate: 'Import a template file',
  importHint: 'A JSON file in coboard’s template format. Nothing changes unless the whole file is valid.',
  importing: 'Checking the file…',
  imported: (id) => `Imported template “${id}”. It is now offered in the lobby.`,
  importNotJson: (reason) => `This file is not JSON: ${reason}`,
  importInvalid: 'The template was not imported. Would you fix these problems and try again?',
  importExists: 'A template with this id already exists. Would you give the file another id?',
  importFailed: (reason) => `The template could not be imported. ${reason}`,
  downloadAgain: (file) => `Download ${file} again`,
  // Issue 7 (template ownership and quotas)
  ownTemplatesHeading: 'Templates saved from this board',
  ownTemplatesHint: 'Only this board’s facilitator can delete them. Boards already made from a template keep their content.',
  ownTemplatesEmpty: 'No templates have been saved from this board yet.',
  ownTemplatesFailed: 'The templates saved from this board could not be loaded.',
  deleteTemplate: (title) => `Delete “${title}”`,
  confirmDeleteTemplate: (title) => `Delete the template “${title}”? It will no longer be offered in the lobby.`,
  deletingTemplate: 'Deleting…',
  deletedTemplate: (title) => `Deleted the template “${title}”.`,
  deleteFailed: (reason) => `The template could not be deleted. ${reason}`,
  templateQuotaFull: 'No more templates can be kept for this board (or on this server). Would you delete one you no longer need first?',
  tooManyTemplateSaves: 'Many templates were saved from your network in the last hour. Please try again a little later.',
}

const da: TemplateMessages = {
  pickerLegend: 'Skabelon',
  pickerHint: 'Hver skabelon har zoner, en dagsorden og den forskning, den bygger på.',
  minutes: (n) => `${n} min.`,
  zoneCount: (n) => (n === 1 ? '1 zone til sedler' : `${n} zoner til sedler`),
  suggestedGroups: 'Foreslåede grupper',
  anyGroup: 'Alle grupper',
  source: (count) => (count === 1 ? 'Kilde' : 'Kilder'),
  customTemplate: 'Lavet af en facilitator',
  previewOf: (title) => `Layout af “${title}”`,
  panelToggleOpen: 'Vis dagsorden',
  panelToggleClose: 'Skjul dagsorden',
  panelTitle: 'Dagsorden og skabelon',
  agendaHeading: 'Dagsorden',
  agendaTotal: (minutes) => `${minutes} minutter i alt`,
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
  addedZone: (label) => `“${label}” er tilføjet.`,
  nothingToExtend: 'Der er endnu ingen zone at kopiere.',
  newColumnLabel: 'Ny kolonne',
  newRowLabel: 'Ny række',
  newZonePrompt: 'Hvad vil I gerne tilføje her?',
  templateFilesHeading: 'Skabelonfiler',
  saveAsTemplate: 'Gem tavlen som skabelon',
  savingAsTemplate: 'Gemmer…',
  savedAsTemplate: (id) => `Gemt som skabelonen “${id}”. Den kan nu vælges i lobbyen, og filen hentes ned.`,
  saveFailed: (reason) => `Tavlen kunne ikke gemmes som skabelon. ${reason}`,
  exportTemplate: 'Eksportér skabelon (JSON)',
  importTemplate: 'Importér en skabelonfil',
  importHint: 'En JSON-fil i coboards skabelonformat. Intet ændres, medmindre hele filen er gyldig.',
  importing: 'Tjekker filen…',
  imported: (id) => `Skabelonen “${id}” er importeret. Den kan nu vælges i lobbyen.`,
  importNotJson: (reason) => `Filen er ikke JSON: ${reason}`,
  importInvalid: 'Skabelonen blev ikke importeret. Vil du rette disse problemer og prøve igen?',
  importExists: 'Der findes allerede en skabelon med dette id. Vil du give filen et andet id?',
  importFailed: (reason) => `Skabelonen kunne ikke importeres. ${reason}`,
  downloadAgain: (file) => `Hent ${file} igen`,
  // Issue 7 (template ownership and quotas)
  ownTemplatesHeading: 'Skabeloner gemt fra denne tavle',
  ownTemplatesHint: 'Kun tavlens facilitator kan slette dem. Tavler, der allerede er lavet ud fra en skabelon, beholder deres indhold.',
  ownTemplatesEmpty: 'Der er endnu ikke gemt skabeloner fra denne tavle.',
  ownTemplatesFailed: 'Skabelonerne gemt fra denne tavle kunne ikke hentes.',
  deleteTemplate: (title) => `Slet “${title}”`,
  confirmDeleteTemplate: (title) => `Slet skabelonen “${title}”? Den kan derefter ikke længere vælges i lobbyen.`,
  deletingTemplate: 'Sletter…',
  deletedTemplate: (title) => `Skabelonen “${title}” er slettet.`,
  deleteFailed: (reason) => `Skabelonen kunne ikke slettes. ${reason}`,
  templateQuotaFull: 'Der kan ikke gemmes flere skabeloner for denne tavle (eller på denne server). Vil du først slette en, du ikke længere bruger?',
  tooManyTemplateSaves: 'Der er gemt mange skabeloner fra jeres netværk den seneste time. Prøv igen lidt senere.',
}

const sv: TemplateMessages = {
  pickerLegend: 'Mall',
  pickerHint: 'Varje mall har zoner, en agenda och den forskning den bygger på.',
  minutes: (n) => `${n} min`,
  zoneCount: (n) => (n === 1 ? '1 zon för lappar' : `${n} zoner för lappar`),
  suggestedGroups: 'Föreslagna grupper',
  anyGroup: 'Alla grupper',
  source: (count) => (count === 1 ? 'Källa' : 'Källor'),
  customTemplate: 'Gjord av en facilitator',
  previewOf: (title) => `Layout för ”${title}”`,
  panelToggleOpen: 'Visa agendan',
  panelToggleClose: 'Dölj agendan',
  panelTitle: 'Agenda och mall',
  agendaHeading: 'Agenda',
  agendaTotal: (minutes) => `${minutes} minuter totalt`,
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
  addedZone: (label) => `”${label}” har lagts till.`,
  nothingToExtend: 'Det finns ännu ingen zon att kopiera.',
  newColumnLabel: 'Ny kolumn',
  newRowLabel: 'Ny rad',
  newZonePrompt: 'Vad vill ni lägga till här?',
  templateFilesHeading: 'Mallfiler',
  saveAsTemplate: 'Spara tavlan som mall',
  savingAsTemplate: 'Sparar…',
  savedAsTemplate: (id) => `Sparad som mallen ”${id}”. Den går nu att välja i lobbyn, och filen laddas ned.`,
  saveFailed: (reason) => `Tavlan kunde inte sparas som mall. ${reason}`,
  exportTemplate: 'Exportera mall (JSON)',
  importTemplate: 'Importera en mallfil',
  importHint: 'En JSON-fil i coboards mallformat. Inget ändras om inte hela filen är giltig.',
  importing: 'Kontrollerar filen…',
  imported: (id) => `Mallen ”${id}” har importerats. Den går nu att välja i lobbyn.`,
  importNotJson: (reason) => `Filen är inte JSON: ${reason}`,
  importInvalid: 'Mallen importerades inte. Vill du rätta de här problemen och försöka igen?',
  importExists: 'Det finns redan en mall med det här id:t. Vill du ge filen ett annat id?',
  importFailed: (reason) => `Mallen kunde inte importeras. ${reason}`,
  downloadAgain: (file) => `Ladda ned ${file} igen`,
  // Issue 7 (template ownership and quotas)
  ownTemplatesHeading: 'Mallar sparade från den här tavlan',
  ownTemplatesHint: 'Bara tavlans facilitator kan ta bort dem. Tavlor som redan har skapats från en mall behåller sitt innehåll.',
  ownTemplatesEmpty: 'Inga mallar har sparats från den här tavlan än.',
  ownTemplatesFailed: 'Mallarna som sparats från den här tavlan kunde inte hämtas.',
  deleteTemplate: (title) => `Ta bort ”${title}”`,
  confirmDeleteTemplate: (title) => `Ta bort mallen ”${title}”? Den går då inte längre att välja i lobbyn.`,
  deletingTemplate: 'Tar bort…',
  deletedTemplate: (title) => `Mallen ”${title}” har tagits bort.`,
  deleteFailed: (reason) => `Mallen kunde inte tas bort. ${reason}`,
  templateQuotaFull: 'Inga fler mallar kan sparas för den här tavlan (eller på den här servern). Vill du först ta bort en som du inte längre behöver?',
  tooManyTemplateSaves: 'Många mallar har sparats från ert nätverk den senaste timmen. Försök igen lite senare.',
}

const nb: TemplateMessages = {
  pickerLegend: 'Mal',
  pickerHint: 'Hver mal har soner, en agenda og forskningen den bygger på.',
  minutes: (n) => `${n} min`,
  zoneCount: (n) => (n === 1 ? '1 sone for lapper' : `${n} soner for lapper`),
  suggestedGroups: 'Foreslåtte grupper',
  anyGroup: 'Alle grupper',
  source: (count) => (count === 1 ? 'Kilde' : 'Kilder'),
  customTemplate: 'Laget av en fasilitator',
  previewOf: (title) => `Oppsett av «${title}»`,
  panelToggleOpen: 'Vis agendaen',
  panelToggleClose: 'Skjul agendaen',
  panelTitle: 'Agenda og mal',
  agendaHeading: 'Agenda',
  agendaTotal: (minutes) => `${minutes} minutter totalt`,
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
  addedZone: (label) => `«${label}» er lagt til.`,
  nothingToExtend: 'Det finnes ennå ingen sone å kopiere.',
  newColumnLabel: 'Ny kolonne',
  newRowLabel: 'Ny rad',
  newZonePrompt: 'Hva vil dere legge til her?',
  templateFilesHeading: 'Malfiler',
  saveAsTemplate: 'Lagre tavlen som mal',
  savingAsTemplate: 'Lagrer…',
  savedAsTemplate: (id) => `Lagret som malen «${id}». Den kan nå velges i lobbyen, og filen lastes ned.`,
  saveFailed: (reason) => `Tavlen kunne ikke lagres som mal. ${reason}`,
  exportTemplate: 'Eksporter mal (JSON)',
  importTemplate: 'Importer en malfil',
  importHint: 'En JSON-fil i coboards malformat. Ingenting endres med mindre hele filen er gyldig.',
  importing: 'Sjekker filen…',
  imported: (id) => `Malen «${id}» er importert. Den kan nå velges i lobbyen.`,
  importNotJson: (reason) => `Filen er ikke JSON: ${reason}`,
  importInvalid: 'Malen ble ikke importert. Vil du rette disse problemene og prøve igjen?',
  importExists: 'Det finnes allerede en mal med denne id-en. Vil du gi filen en annen id?',
  importFailed: (reason) => `Malen kunne ikke importeres. ${reason}`,
  downloadAgain: (file) => `Last ned ${file} på nytt`,
  // Issue 7 (template ownership and quotas)
  ownTemplatesHeading: 'Maler lagret fra denne tavlen',
  ownTemplatesHint: 'Bare tavlens fasilitator kan slette dem. Tavler som allerede er laget fra en mal, beholder innholdet sitt.',
  ownTemplatesEmpty: 'Ingen maler er lagret fra denne tavlen ennå.',
  ownTemplatesFailed: 'Malene som er lagret fra denne tavlen, kunne ikke hentes.',
  deleteTemplate: (title) => `Slett «${title}»`,
  confirmDeleteTemplate: (title) => `Slette malen «${title}»? Den kan da ikke lenger velges i lobbyen.`,
  deletingTemplate: 'Sletter…',
  deletedTemplate: (title) => `Malen «${title}» er slettet.`,
  deleteFailed: (reason) => `Malen kunne ikke slettes. ${reason}`,
  templateQuotaFull: 'Det kan ikke lagres flere maler for denne tavlen (eller på denne serveren). Vil du først slette en du ikke lenger trenger?',
  tooManyTemplateSaves: 'Mange maler er lagret fra nettverket deres den siste timen. Prøv igjen litt senere.',
}

/** The template UI's strings in every locale. */
export const TEMPLATE_MESSAGES: Record<Locale, TemplateMessages> = { en, da, sv, nb }

/** The template UI's strings in the current UI language. */
export function useTemplateMessages(): TemplateMessages {
  return TEMPLATE_MESSAGES[useI18n().locale]
}
