import type { Locale } from '../../../shared/locales.ts'
import type { MeaningfulAccent } from '../../../shared/templates/zoneLegend.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

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

const en: BoardMessages = {
  zoneNavigation: 'Zones',
  zonePrefix: 'Zone',
  zoneListNone: 'Choose a zone',
  zoneListTitle: 'Zones of this board',
  previousZone: 'Previous zone',
  nextZone: 'Next zone',
  wholeBoard: 'Whole board',
  addNote: 'Add note',
  addNoteTo: (zone) => `Add a note to “${zone}”`,
  addNoteNoZone: 'Add a note here',
  doneEditing: 'Done',
  doneEditingHint: 'Finish writing this note',
  tidyZone: 'Tidy this zone',
  tidiedZone: (zone, count) => `${count} ${count === 1 ? 'note' : 'notes'} in “${zone}” arranged in a grid`,
  legendTitle: 'Colours',
  legendColour: { blue: 'Blue, diagonal lines', orange: 'Orange, dots', violet: 'Violet, cross-hatched', green: 'Green, horizontal lines' },
  presenterTitle: 'Presenter view',
  presenterOpen: 'Open the presenter view (for a projector)',
  presenterHint: 'Arrow keys: previous or next zone. Home: the whole board.',
  presenterZoneSelect: 'Show',
  presenterShowing: (what) => `Showing: ${what}`,
  noZones: 'This board has no zones.',
  moreControls: 'More',
}

const da: BoardMessages = {
  zoneNavigation: 'Zoner',
  zonePrefix: 'Zone',
  zoneListNone: 'Vælg en zone',
  zoneListTitle: 'Tavlens zoner',
  previousZone: 'Forrige zone',
  nextZone: 'Næste zone',
  wholeBoard: 'Hele tavlen',
  addNote: 'Tilføj seddel',
  addNoteTo: (zone) => `Tilføj en seddel til “${zone}”`,
  addNoteNoZone: 'Tilføj en seddel her',
  doneEditing: 'Færdig',
  doneEditingHint: 'Afslut sedlen',
  tidyZone: 'Ryd op i zonen',
  tidiedZone: (zone, count) => `${count} ${count === 1 ? 'seddel' : 'sedler'} i “${zone}” stillet op i et gitter`,
  legendTitle: 'Farver',
  legendColour: { blue: 'Blå, skrå streger', orange: 'Orange, prikker', violet: 'Violet, krydsskraveret', green: 'Grøn, vandrette streger' },
  presenterTitle: 'Præsentationsvisning',
  presenterOpen: 'Åbn præsentationsvisningen (til en projektor)',
  presenterHint: 'Piletaster: forrige eller næste zone. Home: hele tavlen.',
  presenterZoneSelect: 'Vis',
  presenterShowing: (what) => `Viser: ${what}`,
  noZones: 'Tavlen har ingen zoner.',
  moreControls: 'Mere',
}

const sv: BoardMessages = {
  zoneNavigation: 'Zoner',
  zonePrefix: 'Zon',
  zoneListNone: 'Välj en zon',
  zoneListTitle: 'Tavlans zoner',
  previousZone: 'Föregående zon',
  nextZone: 'Nästa zon',
  wholeBoard: 'Hela tavlan',
  addNote: 'Lägg till lapp',
  addNoteTo: (zone) => `Lägg till en lapp i ”${zone}”`,
  addNoteNoZone: 'Lägg till en lapp här',
  doneEditing: 'Klar',
  doneEditingHint: 'Skriv klart lappen',
  tidyZone: 'Städa zonen',
  tidiedZone: (zone, count) => `${count} ${count === 1 ? 'lapp' : 'lappar'} i ”${zone}” ordnade i ett rutnät`,
  legendTitle: 'Färger',
  legendColour: { blue: 'Blå, snedstreck', orange: 'Orange, prickar', violet: 'Lila, korsstreck', green: 'Grön, vågräta streck' },
  presenterTitle: 'Presentationsvy',
  presenterOpen: 'Öppna presentationsvyn (för en projektor)',
  presenterHint: 'Piltangenter: föregående eller nästa zon. Home: hela tavlan.',
  presenterZoneSelect: 'Visa',
  presenterShowing: (what) => `Visar: ${what}`,
  noZones: 'Tavlan har inga zoner.',
  moreControls: 'Mer',
}

const nb: BoardMessages = {
  zoneNavigation: 'Soner',
  zonePrefix: 'Sone',
  zoneListNone: 'Velg en sone',
  zoneListTitle: 'Tavlens soner',
  previousZone: 'Forrige sone',
  nextZone: 'Neste sone',
  wholeBoard: 'Hele tavlen',
  addNote: 'Legg til lapp',
  addNoteTo: (zone) => `Legg til en lapp i «${zone}»`,
  addNoteNoZone: 'Legg til en lapp her',
  doneEditing: 'Ferdig',
  doneEditingHint: 'Skriv ferdig lappen',
  tidyZone: 'Rydd i sonen',
  tidiedZone: (zone, count) => `${count} ${count === 1 ? 'lapp' : 'lapper'} i «${zone}» ordnet i et rutenett`,
  legendTitle: 'Farger',
  legendColour: { blue: 'Blå, skrå streker', orange: 'Oransje, prikker', violet: 'Fiolett, kryssskravert', green: 'Grønn, vannrette streker' },
  presenterTitle: 'Presentasjonsvisning',
  presenterOpen: 'Åpne presentasjonsvisningen (for en projektor)',
  presenterHint: 'Piltaster: forrige eller neste sone. Home: hele tavlen.',
  presenterZoneSelect: 'Vis',
  presenterShowing: (what) => `Viser: ${what}`,
  noZones: 'Tavlen har ingen soner.',
  moreControls: 'Mer',
}

/** The board navigation's strings in every UI language. */
export const BOARD_MESSAGES: Record<Locale, BoardMessages> = { en, da, sv, nb }

/** The board navigation's strings in the current UI language. */
export function useBoardMessages(): BoardMessages {
  return BOARD_MESSAGES[useI18n().locale]
}
