import type { Catalog } from '../../../shared/i18n/translator.ts'

/**
 * Words of the share panel and the presenter link (SharePanel.tsx, PresenterLink.tsx): the links,
 * the projector-safe view, and making a new link (which disconnects whoever holds the old one).
 */
const en = {
  shareTitle: 'Links to this board',
  shareIntro: 'Send the participant link to those taking part, and the observer link to those who only follow along. Keep the facilitator link to yourself.',
  projectorSafe: 'Projector-safe view',
  projectorSafeHint: 'Shows only the participant link’s QR code, large, on the whole screen. The facilitator link is never shown here.',
  leaveProjectorSafe: 'Leave projector-safe view',
  projectorJoin: 'Scan the code to join “{title}”',
  linkUnknown: 'This browser did not create the board, so it does not know this link. You can make a new one; the old link then stops working.',
  makeNewLink: 'Make a new link',
  newLinkFailed: 'A new link could not be made. Try again.',
  newParticipantLinkWarning: 'A new participant link stops the old one at once: everyone who joined with it is disconnected and can only come back with the new link. Make a new one only if you can share it again (for example with the QR code on the projector).',
  newObserverLinkWarning: 'A new observer link stops the old one at once: observers who joined with it are disconnected and need the new link. The presenter view uses the observer link.',
  confirmNewLink: 'Make a new link and disconnect them',
  newLinkMade: 'A new link was made. Share it again with those who need it.',
  presenterNeedsLink: 'The presenter view opens with the observer link, so the facilitator link never appears on the projector. This browser does not know the observer link.',
  makeObserverLink: 'Make an observer link for the presenter view',
} as const

type Key = keyof typeof en

const da: Record<Key, string> = {
  shareTitle: 'Links til tavlen',
  shareIntro: 'Send deltagerlinket til dem, der deltager, og observatørlinket til dem, der kun følger med. Behold facilitatorlinket for dig selv.',
  projectorSafe: 'Visning til projektor',
  projectorSafeHint: 'Viser kun deltagerlinkets QR-kode i stort format på hele skærmen. Facilitatorlinket vises aldrig her.',
  leaveProjectorSafe: 'Forlad visningen til projektor',
  projectorJoin: 'Scan koden for at komme ind på “{title}”',
  linkUnknown: 'Tavlen blev ikke oprettet i denne browser, så den kender ikke linket. Du kan lave et nyt; det gamle link holder så op med at virke.',
  makeNewLink: 'Lav et nyt link',
  newLinkFailed: 'Der kunne ikke laves et nyt link. Prøv igen.',
  newParticipantLinkWarning: 'Et nyt deltagerlink stopper det gamle med det samme: alle, der er kommet ind med det, bliver koblet fra og kan kun komme tilbage med det nye link. Lav kun et nyt, hvis du kan dele det igen (for eksempel med QR-koden på projektoren).',
  newObserverLinkWarning: 'Et nyt observatørlink stopper det gamle med det samme: observatører, der er kommet ind med det, bliver koblet fra og skal bruge det nye link. Præsentationsvisningen bruger observatørlinket.',
  confirmNewLink: 'Lav et nyt link og kobl dem fra',
  newLinkMade: 'Der er lavet et nyt link. Del det igen med dem, der skal bruge det.',
  presenterNeedsLink: 'Præsentationsvisningen åbnes med observatørlinket, så facilitatorlinket aldrig vises på projektoren. Denne browser kender ikke observatørlinket.',
  makeObserverLink: 'Lav et observatørlink til præsentationsvisningen',
}

const sv: Record<Key, string> = {
  shareTitle: 'Länkar till tavlan',
  shareIntro: 'Skicka deltagarlänken till dem som deltar och observatörslänken till dem som bara följer med. Behåll samtalsledarlänken för dig själv.',
  projectorSafe: 'Vy för projektor',
  projectorSafeHint: 'Visar bara deltagarlänkens QR-kod i stort format över hela skärmen. Samtalsledarlänken visas aldrig här.',
  leaveProjectorSafe: 'Lämna vyn för projektor',
  projectorJoin: 'Skanna koden för att komma in på ”{title}”',
  linkUnknown: 'Tavlan skapades inte i den här webbläsaren, så den känner inte till länken. Du kan skapa en ny; den gamla länken slutar då att fungera.',
  makeNewLink: 'Skapa en ny länk',
  newLinkFailed: 'Det gick inte att skapa en ny länk. Försök igen.',
  newParticipantLinkWarning: 'En ny deltagarlänk stoppar den gamla direkt: alla som kom in med den kopplas bort och kan bara komma tillbaka med den nya länken. Skapa en ny bara om du kan dela den igen (till exempel med QR-koden på projektorn).',
  newObserverLinkWarning: 'En ny observatörslänk stoppar den gamla direkt: observatörer som kom in med den kopplas bort och behöver den nya länken. Presentationsvyn använder observatörslänken.',
  confirmNewLink: 'Skapa en ny länk och koppla bort dem',
  newLinkMade: 'En ny länk har skapats. Dela den igen med dem som behöver den.',
  presenterNeedsLink: 'Presentationsvyn öppnas med observatörslänken, så att samtalsledarlänken aldrig syns på projektorn. Den här webbläsaren känner inte till observatörslänken.',
  makeObserverLink: 'Skapa en observatörslänk för presentationsvyn',
}

const nb: Record<Key, string> = {
  shareTitle: 'Lenker til tavlen',
  shareIntro: 'Send deltakerlenken til dem som deltar, og observatørlenken til dem som bare følger med. Behold fasilitatorlenken for deg selv.',
  projectorSafe: 'Visning for projektor',
  projectorSafeHint: 'Viser bare QR-koden til deltakerlenken i stort format over hele skjermen. Fasilitatorlenken vises aldri her.',
  leaveProjectorSafe: 'Gå ut av visningen for projektor',
  projectorJoin: 'Skann koden for å komme inn på «{title}»',
  linkUnknown: 'Tavlen ble ikke opprettet i denne nettleseren, så den kjenner ikke lenken. Du kan lage en ny; den gamle lenken slutter da å virke.',
  makeNewLink: 'Lag en ny lenke',
  newLinkFailed: 'Det gikk ikke å lage en ny lenke. Prøv igjen.',
  newParticipantLinkWarning: 'En ny deltakerlenke stopper den gamle med en gang: alle som kom inn med den, blir koblet fra og kan bare komme tilbake med den nye lenken. Lag en ny bare hvis du kan dele den igjen (for eksempel med QR-koden på projektoren).',
  newObserverLinkWarning: 'En ny observatørlenke stopper den gamle med en gang: observatører som kom inn med den, blir koblet fra og trenger den nye lenken. Presentasjonsvisningen bruker observatørlenken.',
  confirmNewLink: 'Lag en ny lenke og koble dem fra',
  newLinkMade: 'En ny lenke er laget. Del den igjen med dem som trenger den.',
  presenterNeedsLink: 'Presentasjonsvisningen åpnes med observatørlenken, slik at fasilitatorlenken aldri vises på projektoren. Denne nettleseren kjenner ikke observatørlenken.',
  makeObserverLink: 'Lag en observatørlenke til presentasjonsvisningen',
}

/** The share panel's catalogue (en, da, sv, nb). */
export const SHARE_MESSAGES: Catalog<Key> = { en, da, sv, nb }
