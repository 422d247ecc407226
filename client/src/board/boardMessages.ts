import type { Locale } from '../../../shared/locales.ts'
import type { MeaningfulAccent } from '../../../shared/templates/zoneLegend.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Catalog } from '../../../shared/i18n/translator.ts'
import { bindCatalog, type MessageShape } from '../../../client/src/i18n/bindCatalog.ts'

/**
 * Strings of the board's navigation and presenter view (zones, adding and tidying notes, the
 * colour legend), kept beside the components that use them, in the UI language.
 */
export interface BoardMessages {
  zoneNavigation: string
  zonePrefix: string
  zoneListNone: string
  zoneListTitle: string
  previousZone: string
  nextZone: string
  wholeBoard: string
  addNote: string
  addNoteTo: (zone: string) => string
  addNoteNoZone: string
  doneEditing: string
  doneEditingHint: string
  tidyZone: string
  tidiedZone: (zone: string, count: number) => string
  legendTitle: string
  legendColour: Record<MeaningfulAccent, string>
  presenterTitle: string
  presenterOpen: string
  presenterHint: string
  presenterZoneSelect: string
  presenterShowing: (what: string) => string
  noZones: string
  moreControls: string
}

/**
 * The words, in ICU MessageFormat (plurals and word order per language); English is the reference,
 * and every locale has every key with the same arguments (client/src/i18n/clientCatalogs.test.ts).
 */
export const BOARD_CATALOG = {
  en: {
    zoneNavigation: 'Zones',
    zonePrefix: 'Zone',
    zoneListNone: 'Choose a zone',
    zoneListTitle: 'Zones of this board',
    previousZone: 'Previous zone',
    nextZone: 'Next zone',
    wholeBoard: 'Whole board',
    addNote: 'Add note',
    addNoteTo: 'Add a note to “{zone}”',
    addNoteNoZone: 'Add a note here',
    doneEditing: 'Done',
    doneEditingHint: 'Finish writing this note',
    tidyZone: 'Tidy this zone',
    tidiedZone: '{count, plural, one {# note in “{zone}” arranged in a grid} other {# notes in “{zone}” arranged in a grid}}',
    legendTitle: 'Colours',
    legendColour_blue: 'Blue, diagonal lines',
    legendColour_orange: 'Orange, dots',
    legendColour_violet: 'Violet, cross-hatched',
    legendColour_green: 'Green, horizontal lines',
    presenterTitle: 'Presenter view',
    presenterOpen: 'Open the presenter view (for a projector)',
    presenterHint: 'Arrow keys: previous or next zone. Home: the whole board.',
    presenterZoneSelect: 'Show',
    presenterShowing: 'Showing: {what}',
    noZones: 'This board has no zones.',
    moreControls: 'More',
  },
  da: {
    zoneNavigation: 'Zoner',
    zonePrefix: 'Zone',
    zoneListNone: 'Vælg en zone',
    zoneListTitle: 'Tavlens zoner',
    previousZone: 'Forrige zone',
    nextZone: 'Næste zone',
    wholeBoard: 'Hele tavlen',
    addNote: 'Tilføj seddel',
    addNoteTo: 'Tilføj en seddel til “{zone}”',
    addNoteNoZone: 'Tilføj en seddel her',
    doneEditing: 'Færdig',
    doneEditingHint: 'Afslut sedlen',
    tidyZone: 'Ryd op i zonen',
    tidiedZone: '{count, plural, one {# seddel i “{zone}” stillet op i et gitter} other {# sedler i “{zone}” stillet op i et gitter}}',
    legendTitle: 'Farver',
    legendColour_blue: 'Blå, skrå streger',
    legendColour_orange: 'Orange, prikker',
    legendColour_violet: 'Violet, krydsskraveret',
    legendColour_green: 'Grøn, vandrette streger',
    presenterTitle: 'Præsentationsvisning',
    presenterOpen: 'Åbn præsentationsvisningen (til en projektor)',
    presenterHint: 'Piletaster: forrige eller næste zone. Home: hele tavlen.',
    presenterZoneSelect: 'Vis',
    presenterShowing: 'Viser: {what}',
    noZones: 'Tavlen har ingen zoner.',
    moreControls: 'Mere',
  },
  sv: {
    zoneNavigation: 'Zoner',
    zonePrefix: 'Zon',
    zoneListNone: 'Välj en zon',
    zoneListTitle: 'Tavlans zoner',
    previousZone: 'Föregående zon',
    nextZone: 'Nästa zon',
    wholeBoard: 'Hela tavlan',
    addNote: 'Lägg till lapp',
    addNoteTo: 'Lägg till en lapp i ”{zone}”',
    addNoteNoZone: 'Lägg till en lapp här',
    doneEditing: 'Klar',
    doneEditingHint: 'Skriv klart lappen',
    tidyZone: 'Städa zonen',
    tidiedZone: '{count, plural, one {# lapp i ”{zone}” ordnade i ett rutnät} other {# lappar i ”{zone}” ordnade i ett rutnät}}',
    legendTitle: 'Färger',
    legendColour_blue: 'Blå, snedstreck',
    legendColour_orange: 'Orange, prickar',
    legendColour_violet: 'Lila, korsstreck',
    legendColour_green: 'Grön, vågräta streck',
    presenterTitle: 'Presentationsvy',
    presenterOpen: 'Öppna presentationsvyn (för en projektor)',
    presenterHint: 'Piltangenter: föregående eller nästa zon. Home: hela tavlan.',
    presenterZoneSelect: 'Visa',
    presenterShowing: 'Visar: {what}',
    noZones: 'Tavlan har inga zoner.',
    moreControls: 'Mer',
  },
  nb: {
    zoneNavigation: 'Soner',
    zonePrefix: 'Sone',
    zoneListNone: 'Velg en sone',
    zoneListTitle: 'Tavlens soner',
    previousZone: 'Forrige sone',
    nextZone: 'Neste sone',
    wholeBoard: 'Hele tavlen',
    addNote: 'Legg til lapp',
    addNoteTo: 'Legg til en lapp i «{zone}»',
    addNoteNoZone: 'Legg til en lapp her',
    doneEditing: 'Ferdig',
    doneEditingHint: 'Skriv ferdig lappen',
    tidyZone: 'Rydd i sonen',
    tidiedZone: '{count, plural, one {# lapp i «{zone}» ordnet i et rutenett} other {# lapper i «{zone}» ordnet i et rutenett}}',
    legendTitle: 'Farger',
    legendColour_blue: 'Blå, skrå streker',
    legendColour_orange: 'Oransje, prikker',
    legendColour_violet: 'Fiolett, kryssskravert',
    legendColour_green: 'Grønn, vannrette streker',
    presenterTitle: 'Presentasjonsvisning',
    presenterOpen: 'Åpne presentasjonsvisningen (for en projektor)',
    presenterHint: 'Piltaster: forrige eller neste sone. Home: hele tavlen.',
    presenterZoneSelect: 'Vis',
    presenterShowing: 'Viser: {what}',
    noZones: 'Tavlen har ingen soner.',
    moreControls: 'Mer',
  },
} satisfies Catalog<string>

/** How each message is read from the catalogue. */
const SHAPE: MessageShape<BoardMessages> = {
  zoneNavigation: true,
  zonePrefix: true,
  zoneListNone: true,
  zoneListTitle: true,
  previousZone: true,
  nextZone: true,
  wholeBoard: true,
  addNote: true,
  addNoteTo: (zone) => ({ zone }),
  addNoteNoZone: true,
  doneEditing: true,
  doneEditingHint: true,
  tidyZone: true,
  tidiedZone: (zone, count) => ({ zone, count }),
  legendTitle: true,
  legendColour: ['blue', 'orange', 'violet', 'green'],
  presenterTitle: true,
  presenterOpen: true,
  presenterHint: true,
  presenterZoneSelect: true,
  presenterShowing: (what) => ({ what }),
  noZones: true,
  moreControls: true,
}

/** The board navigation's strings in every UI language. */
export const BOARD_MESSAGES: Record<Locale, BoardMessages> = bindCatalog(BOARD_CATALOG, SHAPE)

/** The board navigation's strings in the current UI language. */
export function useBoardMessages(): BoardMessages {
  return BOARD_MESSAGES[useI18n().locale]
}
