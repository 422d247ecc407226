import type { Locale } from '../../../shared/locales.ts'
import type { Catalog } from '../../../shared/i18n/translator.ts'
import { bindCatalog, type MessageShape } from './bindCatalog.ts'
import { COMMON_MESSAGES } from '../../../shared/i18n/commonMessages.ts'

/**
 * Every string of coboard's own UI (tldraw's menus use tldraw's translations). Prompts invite
 * rather than order: many participants join once, from a phone, and owe us nothing.
 */
export interface Messages {
  appName: string
  uiLanguageLabel: string
  lobbyTitle: string
  lobbyIntro: string
  boardTitleLabel: string
  boardTitleHint: string
  boardLanguageLabel: string
  boardLanguageHint: string
  createBoard: string
  creatingBoard: string
  createFailed: (reason: string) => string
  linksTitle: (title: string) => string
  linksIntro: string
  roleName: Record<'facilitator' | 'participant' | 'observer', string>
  roleDescription: Record<'facilitator' | 'participant' | 'observer', string>
  copyLink: (role: string) => string
  linkCopied: string
  copyFailed: string
  qrAlt: (role: string) => string
  openBoard: string
  createAnother: string
  untitledBoard: string
  joinTitle: (title: string) => string
  joinIntro: string
  joinIntroObserver: string
  displayNameLabel: string
  displayNameHint: string
  groupLegend: string
  groupHint: string
  joinButton: string
  saveIdentity: string
  cancel: string
  nameMissing: string
  groupMissing: string
  openingBoard: string
  statusLabel: string
  statusOffline: string
  statusConnecting: string
  statusSynced: string
  statusSyncing: string
  statusStopped: string
  viewOnly: string
  viewOnlyHint: string
  participantsTitle: string
  peopleShort: string
  you: string
  follow: (name: string) => string
  stopFollowing: string
  nobodyElse: string
  changeIdentity: (name: string) => string
  linkIncomplete: string
  linkRejected: string
  linkForbidden: string
  boardNotFound: string
  boardTooLarge: string
  messageTooBig: string
  boardFull: string
  slowDown: string
  needsReload: string
  reload: string
  loadFailed: string
  licenceMissing: string
  licenceMissingHint: string
  uploadTooBig: (maxMegabytes: string) => string
  uploadBadType: (types: string) => string
  uploadNotAllowed: string
  uploadFailed: string
  backToLobby: string
  // Issue 7 (quotas): the creation key, rate limits and the upload quota.
  creationKeyLabel: string
  creationKeyHint: string
  creationKeyMissing: string
  creationKeyWrong: string
  tooManyBoards: string
  uploadQuotaFull: string
}

/**
 * The words, in ICU MessageFormat (plurals and word order per language); English is the reference,
 * and every locale has every key with the same arguments (client/src/i18n/clientCatalogs.test.ts).
 */
export const UI_CATALOG = {
  en: {
    appName: 'coboard',
    uiLanguageLabel: 'Language',
    lobbyTitle: 'Start a new board',
    lobbyIntro: 'Create a board for your workshop, then share the links with the people you invite. No accounts are needed.',
    boardTitleLabel: 'Name of the board',
    boardTitleHint: 'For example “Kick-off: youth services 2027”. You can leave it empty.',
    boardLanguageLabel: 'Language of the board',
    boardLanguageHint: 'Used for the template and as the starting language for everyone who joins.',
    createBoard: 'Create board',
    creatingBoard: 'Creating the board…',
    createFailed: 'The board could not be created. {reason}',
    linksTitle: '“{title}” is ready',
    linksIntro: 'Keep the facilitator link for yourself. Share the participant link with the people taking part, and the observer link with those who will only watch.',
    roleName_facilitator: 'Facilitator',
    roleName_participant: 'Participant',
    roleName_observer: 'Observer',
    roleDescription_facilitator: 'Can change everything and manage the board.',
    roleDescription_participant: 'Can add and move notes, drawings and images.',
    roleDescription_observer: 'Can follow the board live but not change it.',
    copyLink: 'Copy {role} link',
    linkCopied: 'Link copied',
    copyFailed: 'Copying did not work here. Select the link and copy it yourself.',
    qrAlt: 'QR code for the {role} link',
    openBoard: 'Open the board as facilitator',
    createAnother: 'Create another board',
    untitledBoard: COMMON_MESSAGES.en.untitledBoard,
    joinTitle: 'Welcome to “{title}”',
    joinIntro: 'Tell the others who you are. Your name and group are shown beside your cursor and in the list of people on the board.',
    joinIntroObserver: 'You can follow this board live. Tell the others who is watching; nothing you do here changes the board.',
    displayNameLabel: 'Your name',
    displayNameHint: 'A first name or a nickname is fine.',
    groupLegend: 'Which group are you here for?',
    groupHint: 'This helps everyone see whose voices are in the room and whose are missing.',
    joinButton: 'Join the board',
    saveIdentity: 'Save',
    cancel: 'Cancel',
    nameMissing: 'Please add a name so the others know who is here.',
    groupMissing: 'Please choose the group you are here for.',
    openingBoard: 'Opening the board…',
    statusLabel: 'Connection',
    statusOffline: 'Offline – your changes are kept on this device',
    statusConnecting: 'Connecting…',
    statusSynced: 'Up to date',
    statusSyncing: 'Catching up…',
    statusStopped: 'Not connected',
    viewOnly: 'View only',
    viewOnlyHint: 'You are watching this board. Only participants and facilitators can change it.',
    participantsTitle: 'People on the board',
    peopleShort: 'People',
    you: 'you',
    follow: 'Follow {name}',
    stopFollowing: 'Stop following',
    nobodyElse: 'Nobody else is here yet.',
    changeIdentity: '{name} – change name or group',
    linkIncomplete: 'This link is incomplete. Please ask the facilitator to send it again.',
    linkRejected: 'This link no longer works. It may have been replaced by a new one. Please ask the facilitator for the current link.',
    linkForbidden: 'This link does not give access to this board.',
    boardNotFound: 'We could not find this board. It may have been deleted, or the link may be mistyped.',
    boardTooLarge: 'This board has reached its maximum size, so new changes cannot be saved. Please tell the facilitator.',
    messageTooBig: 'A change was too large to send, so the connection was stopped. Reload the page to continue; try a smaller image or paste less at once.',
    boardFull: 'The board is full right now. We keep trying to connect you.',
    slowDown: 'Many changes arrived at once. We reconnect you in a moment.',
    needsReload: 'This board was saved by a newer version of coboard. Please reload the page to continue.',
    reload: 'Reload the page',
    loadFailed: 'The board could not be opened. Check your connection and try again.',
    licenceMissing: 'The drawing area cannot be shown on this server',
    licenceMissingHint: 'The whiteboard component (tldraw) needs a valid licence key when it runs on a public address. Please tell the people who run this coboard server: they set it with TLDRAW_LICENSE_KEY.',
    uploadTooBig: 'The image is too large. The limit is {maxMegabytes} MB.',
    uploadBadType: 'This kind of file cannot be added. You can add {types}.',
    uploadNotAllowed: 'Your link does not allow adding images to this board.',
    uploadFailed: 'The image could not be uploaded. Check your connection and try again.',
    backToLobby: 'Go to the start page',
    creationKeyLabel: 'Creation key',
    creationKeyHint: 'This server creates boards only for those who have its key. Ask the people who run it. This device remembers the key.',
    creationKeyMissing: 'Please enter the creation key.',
    creationKeyWrong: 'That creation key is not right. Would you check it, or ask the people who run this server for the current one?',
    tooManyBoards: 'Many boards were created from your network in the last hour. Please try again a little later.',
    uploadQuotaFull: 'This board has no room for more images. Please tell the facilitator.',
  },
  da: {
    appName: 'coboard',
    uiLanguageLabel: 'Sprog',
    lobbyTitle: 'Start en ny tavle',
    lobbyIntro: 'Opret en tavle til jeres workshop, og del derefter linkene med dem, du inviterer. Ingen behøver en konto.',
    boardTitleLabel: 'Tavlens navn',
    boardTitleHint: 'For eksempel “Opstart: ungeindsatsen 2027”. Feltet kan stå tomt.',
    boardLanguageLabel: 'Tavlens sprog',
    boardLanguageHint: 'Bruges til skabelonen og som startsprog for alle, der deltager.',
    createBoard: 'Opret tavle',
    creatingBoard: 'Opretter tavlen…',
    createFailed: 'Tavlen kunne ikke oprettes. {reason}',
    linksTitle: '“{title}” er klar',
    linksIntro: 'Behold facilitatorlinket selv. Del deltagerlinket med dem, der skal være med, og observatørlinket med dem, der kun skal følge med.',
    roleName_facilitator: 'Facilitator',
    roleName_participant: 'Deltager',
    roleName_observer: 'Observatør',
    roleDescription_facilitator: 'Kan ændre alt og styre tavlen.',
    roleDescription_participant: 'Kan tilføje og flytte noter, tegninger og billeder.',
    roleDescription_observer: 'Kan følge tavlen direkte, men ikke ændre den.',
    copyLink: 'Kopiér link for {role}',
    linkCopied: 'Linket er kopieret',
    copyFailed: 'Kopiering virkede ikke her. Markér linket, og kopiér det selv.',
    qrAlt: 'QR-kode til linket for {role}',
    openBoard: 'Åbn tavlen som facilitator',
    createAnother: 'Opret endnu en tavle',
    untitledBoard: COMMON_MESSAGES.da.untitledBoard,
    joinTitle: 'Velkommen til “{title}”',
    joinIntro: 'Fortæl de andre, hvem du er. Dit navn og din gruppe vises ved din markør og på listen over dem, der er på tavlen.',
    joinIntroObserver: 'Du kan følge tavlen direkte. Fortæl de andre, hvem der kigger med; intet, du gør her, ændrer tavlen.',
    displayNameLabel: 'Dit navn',
    displayNameHint: 'Et fornavn eller et kaldenavn er fint.',
    groupLegend: 'Hvilken gruppe er du her for?',
    groupHint: 'Det hjælper alle med at se, hvem der er med i rummet, og hvem der mangler.',
    joinButton: 'Gå ind på tavlen',
    saveIdentity: 'Gem',
    cancel: 'Annullér',
    nameMissing: 'Skriv gerne et navn, så de andre ved, hvem der er her.',
    groupMissing: 'Vælg gerne den gruppe, du er her for.',
    openingBoard: 'Åbner tavlen…',
    statusLabel: 'Forbindelse',
    statusOffline: 'Offline – dine ændringer gemmes på denne enhed',
    statusConnecting: 'Forbinder…',
    statusSynced: 'Opdateret',
    statusSyncing: 'Henter ændringer…',
    statusStopped: 'Ikke forbundet',
    viewOnly: 'Kun visning',
    viewOnlyHint: 'Du følger tavlen. Kun deltagere og facilitatorer kan ændre den.',
    participantsTitle: 'Personer på tavlen',
    peopleShort: 'Personer',
    you: 'dig',
    follow: 'Følg {name}',
    stopFollowing: 'Stop med at følge',
    nobodyElse: 'Der er ikke andre her endnu.',
    changeIdentity: '{name} – skift navn eller gruppe',
    linkIncomplete: 'Linket er ufuldstændigt. Bed facilitatoren om at sende det igen.',
    linkRejected: 'Linket virker ikke længere. Det er måske erstattet af et nyt. Bed facilitatoren om det gældende link.',
    linkForbidden: 'Linket giver ikke adgang til denne tavle.',
    boardNotFound: 'Vi kunne ikke finde tavlen. Den er måske slettet, eller linket er skrevet forkert.',
    boardTooLarge: 'Tavlen har nået sin maksimale størrelse, så nye ændringer kan ikke gemmes. Sig det gerne til facilitatoren.',
    messageTooBig: 'En ændring var for stor til at blive sendt, så forbindelsen blev stoppet. Genindlæs siden for at fortsætte; prøv med et mindre billede eller mindre indhold ad gangen.',
    boardFull: 'Tavlen er fuld lige nu. Vi bliver ved med at prøve at forbinde dig.',
    slowDown: 'Der kom mange ændringer på én gang. Vi forbinder dig igen om et øjeblik.',
    needsReload: 'Tavlen er gemt af en nyere version af coboard. Genindlæs siden for at fortsætte.',
    reload: 'Genindlæs siden',
    loadFailed: 'Tavlen kunne ikke åbnes. Tjek din forbindelse, og prøv igen.',
    licenceMissing: 'Tegnefladen kan ikke vises på denne server',
    licenceMissingHint: 'Tavlekomponenten (tldraw) kræver en gyldig licensnøgle, når den kører på en offentlig adresse. Sig det til dem, der driver denne coboard-server: de angiver den med TLDRAW_LICENSE_KEY.',
    uploadTooBig: 'Billedet er for stort. Grænsen er {maxMegabytes} MB.',
    uploadBadType: 'Denne filtype kan ikke tilføjes. Du kan tilføje {types}.',
    uploadNotAllowed: 'Dit link giver ikke mulighed for at tilføje billeder til tavlen.',
    uploadFailed: 'Billedet kunne ikke uploades. Tjek din forbindelse, og prøv igen.',
    backToLobby: 'Gå til startsiden',
    creationKeyLabel: 'Oprettelsesnøgle',
    creationKeyHint: 'Denne server opretter kun tavler for dem, der har dens nøgle. Spørg dem, der driver den. Enheden husker nøglen.',
    creationKeyMissing: 'Skriv gerne oprettelsesnøglen.',
    creationKeyWrong: 'Oprettelsesnøglen er ikke rigtig. Vil du tjekke den, eller spørge dem, der driver serveren, om den gældende nøgle?',
    tooManyBoards: 'Der er oprettet mange tavler fra jeres netværk den seneste time. Prøv igen lidt senere.',
    uploadQuotaFull: 'Der er ikke plads til flere billeder på tavlen. Sig det gerne til facilitatoren.',
  },
  sv: {
    appName: 'coboard',
    uiLanguageLabel: 'Språk',
    lobbyTitle: 'Starta en ny tavla',
    lobbyIntro: 'Skapa en tavla för er workshop och dela sedan länkarna med dem du bjuder in. Ingen behöver något konto.',
    boardTitleLabel: 'Tavlans namn',
    boardTitleHint: 'Till exempel ”Uppstart: ungdomsverksamheten 2027”. Du kan lämna fältet tomt.',
    boardLanguageLabel: 'Tavlans språk',
    boardLanguageHint: 'Används för mallen och som startspråk för alla som ansluter.',
    createBoard: 'Skapa tavla',
    creatingBoard: 'Skapar tavlan…',
    createFailed: 'Tavlan kunde inte skapas. {reason}',
    linksTitle: '”{title}” är klar',
    linksIntro: 'Behåll facilitatorslänken själv. Dela deltagarlänken med dem som ska vara med och observatörslänken med dem som bara ska följa arbetet.',
    roleName_facilitator: 'Facilitator',
    roleName_participant: 'Deltagare',
    roleName_observer: 'Observatör',
    roleDescription_facilitator: 'Kan ändra allt och leda tavlan.',
    roleDescription_participant: 'Kan lägga till och flytta lappar, teckningar och bilder.',
    roleDescription_observer: 'Kan följa tavlan direkt men inte ändra den.',
    copyLink: 'Kopiera länk för {role}',
    linkCopied: 'Länken är kopierad',
    copyFailed: 'Det gick inte att kopiera här. Markera länken och kopiera den själv.',
    qrAlt: 'QR-kod för länken för {role}',
    openBoard: 'Öppna tavlan som facilitator',
    createAnother: 'Skapa en till tavla',
    untitledBoard: COMMON_MESSAGES.sv.untitledBoard,
    joinTitle: 'Välkommen till ”{title}”',
    joinIntro: 'Berätta för de andra vem du är. Ditt namn och din grupp visas vid din markör och i listan över dem som är på tavlan.',
    joinIntroObserver: 'Du kan följa tavlan direkt. Berätta för de andra vem som tittar; inget du gör här ändrar tavlan.',
    displayNameLabel: 'Ditt namn',
    displayNameHint: 'Ett förnamn eller smeknamn går bra.',
    groupLegend: 'Vilken grupp är du här för?',
    groupHint: 'Det hjälper alla att se vilka röster som finns i rummet och vilka som saknas.',
    joinButton: 'Gå in på tavlan',
    saveIdentity: 'Spara',
    cancel: 'Avbryt',
    nameMissing: 'Skriv gärna ett namn så att de andra vet vem som är här.',
    groupMissing: 'Välj gärna den grupp du är här för.',
    openingBoard: 'Öppnar tavlan…',
    statusLabel: 'Anslutning',
    statusOffline: 'Offline – dina ändringar sparas på den här enheten',
    statusConnecting: 'Ansluter…',
    statusSynced: 'Uppdaterad',
    statusSyncing: 'Hämtar ändringar…',
    statusStopped: 'Inte ansluten',
    viewOnly: 'Endast visning',
    viewOnlyHint: 'Du följer tavlan. Bara deltagare och facilitatorer kan ändra den.',
    participantsTitle: 'Personer på tavlan',
    peopleShort: 'Personer',
    you: 'du',
    follow: 'Följ {name}',
    stopFollowing: 'Sluta följa',
    nobodyElse: 'Ingen annan är här än.',
    changeIdentity: '{name} – ändra namn eller grupp',
    linkIncomplete: 'Länken är ofullständig. Be facilitatorn att skicka den igen.',
    linkRejected: 'Länken fungerar inte längre. Den kan ha ersatts av en ny. Be facilitatorn om den aktuella länken.',
    linkForbidden: 'Länken ger inte åtkomst till den här tavlan.',
    boardNotFound: 'Vi hittade inte tavlan. Den kan ha tagits bort, eller så är länken felskriven.',
    boardTooLarge: 'Tavlan har nått sin maximala storlek, så nya ändringar kan inte sparas. Säg gärna till facilitatorn.',
    messageTooBig: 'En ändring var för stor för att skickas, så anslutningen stoppades. Ladda om sidan för att fortsätta; prova en mindre bild eller mindre innehåll åt gången.',
    boardFull: 'Tavlan är full just nu. Vi fortsätter att försöka ansluta dig.',
    slowDown: 'Många ändringar kom på en gång. Vi ansluter dig igen om en liten stund.',
    needsReload: 'Tavlan har sparats av en nyare version av coboard. Ladda om sidan för att fortsätta.',
    reload: 'Ladda om sidan',
    loadFailed: 'Tavlan kunde inte öppnas. Kontrollera anslutningen och försök igen.',
    licenceMissing: 'Ritytan kan inte visas på den här servern',
    licenceMissingHint: 'Tavelkomponenten (tldraw) behöver en giltig licensnyckel när den körs på en publik adress. Berätta det för dem som driver den här coboard-servern: de anger den med TLDRAW_LICENSE_KEY.',
    uploadTooBig: 'Bilden är för stor. Gränsen är {maxMegabytes} MB.',
    uploadBadType: 'Den här filtypen kan inte läggas till. Du kan lägga till {types}.',
    uploadNotAllowed: 'Din länk tillåter inte att bilder läggs till på tavlan.',
    uploadFailed: 'Bilden kunde inte laddas upp. Kontrollera anslutningen och försök igen.',
    backToLobby: 'Gå till startsidan',
    creationKeyLabel: 'Nyckel för att skapa tavlor',
    creationKeyHint: 'Den här servern skapar bara tavlor åt dem som har dess nyckel. Fråga dem som driver den. Enheten kommer ihåg nyckeln.',
    creationKeyMissing: 'Skriv gärna in nyckeln.',
    creationKeyWrong: 'Nyckeln stämmer inte. Vill du kontrollera den, eller fråga dem som driver servern om den aktuella nyckeln?',
    tooManyBoards: 'Många tavlor har skapats från ert nätverk den senaste timmen. Försök igen lite senare.',
    uploadQuotaFull: 'Det finns inte plats för fler bilder på tavlan. Säg gärna till facilitatorn.',
  },
  nb: {
    appName: 'coboard',
    uiLanguageLabel: 'Språk',
    lobbyTitle: 'Start en ny tavle',
    lobbyIntro: 'Opprett en tavle for workshopen, og del deretter lenkene med dem du inviterer. Ingen trenger konto.',
    boardTitleLabel: 'Navn på tavlen',
    boardTitleHint: 'For eksempel «Oppstart: ungdomstjenesten 2027». Du kan la feltet stå tomt.',
    boardLanguageLabel: 'Språk på tavlen',
    boardLanguageHint: 'Brukes for malen og som startspråk for alle som blir med.',
    createBoard: 'Opprett tavle',
    creatingBoard: 'Oppretter tavlen…',
    createFailed: 'Tavlen kunne ikke opprettes. {reason}',
    linksTitle: '«{title}» er klar',
    linksIntro: 'Behold fasilitatorlenken selv. Del deltakerlenken med dem som skal være med, og observatørlenken med dem som bare skal følge med.',
    roleName_facilitator: 'Fasilitator',
    roleName_participant: 'Deltaker',
    roleName_observer: 'Observatør',
    roleDescription_facilitator: 'Kan endre alt og styre tavlen.',
    roleDescription_participant: 'Kan legge til og flytte lapper, tegninger og bilder.',
    roleDescription_observer: 'Kan følge tavlen direkte, men ikke endre den.',
    copyLink: 'Kopier lenke for {role}',
    linkCopied: 'Lenken er kopiert',
    copyFailed: 'Kopiering fungerte ikke her. Merk lenken og kopier den selv.',
    qrAlt: 'QR-kode for lenken for {role}',
    openBoard: 'Åpne tavlen som fasilitator',
    createAnother: 'Opprett en ny tavle',
    untitledBoard: COMMON_MESSAGES.nb.untitledBoard,
    joinTitle: 'Velkommen til «{title}»',
    joinIntro: 'Fortell de andre hvem du er. Navnet og gruppen din vises ved markøren din og i listen over dem som er på tavlen.',
    joinIntroObserver: 'Du kan følge tavlen direkte. Fortell de andre hvem som ser på; ingenting du gjør her, endrer tavlen.',
    displayNameLabel: 'Navnet ditt',
    displayNameHint: 'Et fornavn eller kallenavn holder fint.',
    groupLegend: 'Hvilken gruppe er du her for?',
    groupHint: 'Det hjelper alle å se hvilke stemmer som er i rommet, og hvilke som mangler.',
    joinButton: 'Gå inn på tavlen',
    saveIdentity: 'Lagre',
    cancel: 'Avbryt',
    nameMissing: 'Skriv gjerne et navn, så de andre vet hvem som er her.',
    groupMissing: 'Velg gjerne gruppen du er her for.',
    openingBoard: 'Åpner tavlen…',
    statusLabel: 'Tilkobling',
    statusOffline: 'Frakoblet – endringene dine lagres på denne enheten',
    statusConnecting: 'Kobler til…',
    statusSynced: 'Oppdatert',
    statusSyncing: 'Henter endringer…',
    statusStopped: 'Ikke tilkoblet',
    viewOnly: 'Kun visning',
    viewOnlyHint: 'Du følger tavlen. Bare deltakere og fasilitatorer kan endre den.',
    participantsTitle: 'Personer på tavlen',
    peopleShort: 'Personer',
    you: 'deg',
    follow: 'Følg {name}',
    stopFollowing: 'Slutt å følge',
    nobodyElse: 'Ingen andre er her ennå.',
    changeIdentity: '{name} – endre navn eller gruppe',
    linkIncomplete: 'Lenken er ufullstendig. Be fasilitatoren sende den på nytt.',
    linkRejected: 'Lenken virker ikke lenger. Den kan ha blitt erstattet av en ny. Be fasilitatoren om den gjeldende lenken.',
    linkForbidden: 'Lenken gir ikke tilgang til denne tavlen.',
    boardNotFound: 'Vi fant ikke tavlen. Den kan være slettet, eller lenken kan være feilskrevet.',
    boardTooLarge: 'Tavlen har nådd maksimal størrelse, så nye endringer kan ikke lagres. Si gjerne fra til fasilitatoren.',
    messageTooBig: 'En endring var for stor til å sendes, så tilkoblingen ble stoppet. Last inn siden på nytt for å fortsette; prøv et mindre bilde eller mindre innhold om gangen.',
    boardFull: 'Tavlen er full akkurat nå. Vi fortsetter å prøve å koble deg til.',
    slowDown: 'Mange endringer kom samtidig. Vi kobler deg til igjen om et øyeblikk.',
    needsReload: 'Tavlen er lagret av en nyere versjon av coboard. Last inn siden på nytt for å fortsette.',
    reload: 'Last inn siden på nytt',
    loadFailed: 'Tavlen kunne ikke åpnes. Sjekk tilkoblingen og prøv igjen.',
    licenceMissing: 'Tegneflaten kan ikke vises på denne serveren',
    licenceMissingHint: 'Tavlekomponenten (tldraw) trenger en gyldig lisensnøkkel når den kjører på en offentlig adresse. Si fra til dem som drifter denne coboard-serveren: de angir den med TLDRAW_LICENSE_KEY.',
    uploadTooBig: 'Bildet er for stort. Grensen er {maxMegabytes} MB.',
    uploadBadType: 'Denne filtypen kan ikke legges til. Du kan legge til {types}.',
    uploadNotAllowed: 'Lenken din tillater ikke å legge til bilder på tavlen.',
    uploadFailed: 'Bildet kunne ikke lastes opp. Sjekk tilkoblingen og prøv igjen.',
    backToLobby: 'Gå til startsiden',
    creationKeyLabel: 'Nøkkel for å opprette tavler',
    creationKeyHint: 'Denne serveren oppretter bare tavler for dem som har nøkkelen. Spør dem som drifter den. Enheten husker nøkkelen.',
    creationKeyMissing: 'Skriv gjerne inn nøkkelen.',
    creationKeyWrong: 'Nøkkelen stemmer ikke. Vil du sjekke den, eller spørre dem som drifter serveren om den gjeldende nøkkelen?',
    tooManyBoards: 'Mange tavler er opprettet fra nettverket deres den siste timen. Prøv igjen litt senere.',
    uploadQuotaFull: 'Det er ikke plass til flere bilder på tavlen. Si gjerne fra til fasilitatoren.',
  },
} satisfies Catalog<string>

/** How each message is read from the catalogue. */
const SHAPE: MessageShape<Messages> = {
  appName: true,
  uiLanguageLabel: true,
  lobbyTitle: true,
  lobbyIntro: true,
  boardTitleLabel: true,
  boardTitleHint: true,
  boardLanguageLabel: true,
  boardLanguageHint: true,
  createBoard: true,
  creatingBoard: true,
  createFailed: (reason) => ({ reason }),
  linksTitle: (title) => ({ title }),
  linksIntro: true,
  roleName: ['facilitator', 'participant', 'observer'],
  roleDescription: ['facilitator', 'participant', 'observer'],
  copyLink: (role) => ({ role: role.toLowerCase() }),
  linkCopied: true,
  copyFailed: true,
  qrAlt: (role) => ({ role: role.toLowerCase() }),
  openBoard: true,
  createAnother: true,
  untitledBoard: true,
  joinTitle: (title) => ({ title }),
  joinIntro: true,
  joinIntroObserver: true,
  displayNameLabel: true,
  displayNameHint: true,
  groupLegend: true,
  groupHint: true,
  joinButton: true,
  saveIdentity: true,
  cancel: true,
  nameMissing: true,
  groupMissing: true,
  openingBoard: true,
  statusLabel: true,
  statusOffline: true,
  statusConnecting: true,
  statusSynced: true,
  statusSyncing: true,
  statusStopped: true,
  viewOnly: true,
  viewOnlyHint: true,
  participantsTitle: true,
  peopleShort: true,
  you: true,
  follow: (name) => ({ name }),
  stopFollowing: true,
  nobodyElse: true,
  changeIdentity: (name) => ({ name }),
  linkIncomplete: true,
  linkRejected: true,
  linkForbidden: true,
  boardNotFound: true,
  boardTooLarge: true,
  messageTooBig: true,
  boardFull: true,
  slowDown: true,
  needsReload: true,
  reload: true,
  loadFailed: true,
  licenceMissing: true,
  licenceMissingHint: true,
  uploadTooBig: (maxMegabytes) => ({ maxMegabytes }),
  uploadBadType: (types) => ({ types }),
  uploadNotAllowed: true,
  uploadFailed: true,
  backToLobby: true,
  creationKeyLabel: true,
  creationKeyHint: true,
  creationKeyMissing: true,
  creationKeyWrong: true,
  tooManyBoards: true,
  uploadQuotaFull: true,
}

/** The UI strings for each supported locale. */
export const MESSAGES: Record<Locale, Messages> = bindCatalog(UI_CATALOG, SHAPE)
