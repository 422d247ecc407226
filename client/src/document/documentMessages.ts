import type { Catalog } from '../../../shared/i18n/translator.ts'

/** Words of the collective document (the pane beside the board), in ICU MessageFormat. */
export type DocumentMessageKey =
  | 'openDocument'
  | 'closeDocument'
  | 'documentTitle'
  | 'editorLabel'
  | 'opening'
  | 'toolbarLabel'
  | 'bold'
  | 'italic'
  | 'heading'
  | 'bulletList'
  | 'orderedList'
  | 'blockquote'
  | 'table'
  | 'addRow'
  | 'deleteTable'
  | 'undo'
  | 'redo'
  | 'quoteNote'
  | 'quoteNoteHint'
  | 'quotedNote'
  | 'quotedInDocument'
  | 'showOnBoard'
  | 'noteGone'
  | 'noteChanged'
  | 'updateQuote'
  | 'comment'
  | 'commentShortcut'
  | 'commentHint'
  | 'commentsHeading'
  | 'commentLabel'
  | 'addComment'
  | 'cancel'
  | 'replyLabel'
  | 'reply'
  | 'resolve'
  | 'reopen'
  | 'resolvedThreads'
  | 'noComments'
  | 'authorshipHeading'
  | 'authorshipNone'
  | 'authorshipNames'
  | 'authorshipGroups'
  | 'sectionWriters'
  | 'preamble'
  | 'untitledSection'
  | 'sectionsHeading'
  | 'sectionFinal'
  | 'lockSection'
  | 'unlockSection'
  | 'lockedHint'
  | 'exportHeading'
  | 'exportMarkdown'
  | 'exportWord'
  | 'includeComments'
  | 'exportFailed'
  | 'readOnly'
  | 'frozen'
  | 'startOutline'
  | 'startTemplateOutline'
  | 'emptyWritable'
  | 'emptyReadOnly'

export const DOCUMENT_MESSAGES: Catalog<DocumentMessageKey> = {
  en: {
    openDocument: 'Document',
    closeDocument: 'Close the document',
    documentTitle: 'Shared document',
    editorLabel: 'Text of the shared document',
    opening: 'Opening the document…',
    toolbarLabel: 'Text formatting',
    bold: 'Bold',
    italic: 'Italic',
    heading: 'Section heading',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    blockquote: 'Quotation',
    table: 'Insert table',
    addRow: 'Add row',
    deleteTable: 'Delete table',
    undo: 'Undo my last change',
    redo: 'Redo',
    quoteNote: 'Quote selected note',
    quoteNoteHint: 'Select one or more notes on the board first.',
    quotedNote: 'Note from the board',
    quotedInDocument: 'Quoted in the document',
    showOnBoard: 'Show on the board',
    noteGone: 'This note is no longer on the board.',
    noteChanged: 'The note has changed on the board since it was quoted.',
    updateQuote: 'Use the current text',
    comment: 'Comment',
    commentShortcut: 'Comment on the selected text (Ctrl+Alt+M)',
    commentHint: 'Select some text first, then choose Comment.',
    commentsHeading: 'Comments',
    commentLabel: 'Your comment on “{quote}”',
    addComment: 'Add comment',
    cancel: 'Cancel',
    replyLabel: 'Your reply',
    reply: 'Reply',
    resolve: 'Resolve',
    reopen: 'Reopen',
    resolvedThreads: '{count, plural, one {# resolved comment} other {# resolved comments}}',
    noComments: 'No comments yet. Select text and choose Comment.',
    authorshipHeading: 'Who wrote it',
    authorshipNone: 'Nobody has written in the document yet.',
    authorshipNames: 'Suggested author line: Written by {names}, as a collective author.',
    authorshipGroups: 'Suggested author line: Written as a collective author by participants from {groups}.',
    sectionWriters: '{count, plural, one {# writer} other {# writers}}',
    preamble: 'Before the first heading',
    untitledSection: 'Untitled section',
    sectionsHeading: 'Sections',
    sectionFinal: 'Final',
    lockSection: 'Mark “{title}” as final',
    unlockSection: 'Reopen “{title}”',
    lockedHint: 'The facilitator has marked this section as final. Only the facilitator can change it.',
    exportHeading: 'Download',
    exportMarkdown: 'Markdown',
    exportWord: 'Word',
    includeComments: 'Include comments',
    exportFailed: 'The download did not work. Please try again.',
    readOnly: 'You can read the document. Only participants and the facilitator can write in it.',
    frozen: 'The facilitator has frozen the board. You can read the document, but not write, comment or reply until the board is unfrozen.',
    startOutline: 'Start with a section for each zone of the board',
    startTemplateOutline: 'Start with the sections {sections}',
    emptyWritable: 'Start writing here.',
    emptyReadOnly: 'Nothing has been written in the document yet.',
  },
  da: {
    openDocument: 'Dokument',
    closeDocument: 'Luk dokumentet',
    documentTitle: 'Fælles dokument',
    editorLabel: 'Teksten i det fælles dokument',
    opening: 'Åbner dokumentet …',
    toolbarLabel: 'Formatering af tekst',
    bold: 'Fed',
    italic: 'Kursiv',
    heading: 'Afsnitsoverskrift',
    bulletList: 'Punktopstilling',
    orderedList: 'Nummereret liste',
    blockquote: 'Citat',
    table: 'Indsæt tabel',
    addRow: 'Tilføj række',
    deleteTable: 'Slet tabel',
    undo: 'Fortryd min seneste ændring',
    redo: 'Gentag',
    quoteNote: 'Citér valgt seddel',
    quoteNoteHint: 'Vælg først en eller flere sedler på tavlen.',
    quotedNote: 'Seddel fra tavlen',
    quotedInDocument: 'Citeret i dokumentet',
    showOnBoard: 'Vis på tavlen',
    noteGone: 'Sedlen er ikke længere på tavlen.',
    noteChanged: 'Sedlen er ændret på tavlen, siden den blev citeret.',
    updateQuote: 'Brug den nuværende tekst',
    comment: 'Kommentér',
    commentShortcut: 'Kommentér den markerede tekst (Ctrl+Alt+M)',
    commentHint: 'Markér først noget tekst, og vælg så Kommentér.',
    commentsHeading: 'Kommentarer',
    commentLabel: 'Din kommentar til “{quote}”',
    addComment: 'Tilføj kommentar',
    cancel: 'Annullér',
    replyLabel: 'Dit svar',
    reply: 'Svar',
    resolve: 'Markér som løst',
    reopen: 'Genåbn',
    resolvedThreads: '{count, plural, one {# løst kommentar} other {# løste kommentarer}}',
    noComments: 'Ingen kommentarer endnu. Markér tekst, og vælg Kommentér.',
    authorshipHeading: 'Hvem har skrevet',
    authorshipNone: 'Ingen har skrevet i dokumentet endnu.',
    authorshipNames: 'Forslag til forfatterlinje: Skrevet af {names} som kollektiv forfatter.',
    authorshipGroups: 'Forslag til forfatterlinje: Skrevet som kollektiv forfatter af deltagere fra {groups}.',
    sectionWriters: '{count, plural, one {# skribent} other {# skribenter}}',
    preamble: 'Før første overskrift',
    untitledSection: 'Afsnit uden overskrift',
    sectionsHeading: 'Afsnit',
    sectionFinal: 'Endelig',
    lockSection: 'Markér “{title}” som endelig',
    unlockSection: 'Genåbn “{title}”',
    lockedHint: 'Facilitatoren har markeret dette afsnit som endeligt. Kun facilitatoren kan ændre det.',
    exportHeading: 'Download',
    exportMarkdown: 'Markdown',
    exportWord: 'Word',
    includeComments: 'Medtag kommentarer',
    exportFailed: 'Download lykkedes ikke. Prøv igen.',
    readOnly: 'Du kan læse dokumentet. Kun deltagere og facilitatoren kan skrive i det.',
    frozen: 'Facilitatoren har frosset tavlen. Du kan læse dokumentet, men ikke skrive, kommentere eller svare, før frysningen er ophævet.',
    startOutline: 'Begynd med et afsnit for hver zone på tavlen',
    startTemplateOutline: 'Begynd med afsnittene {sections}',
    emptyWritable: 'Begynd at skrive her.',
    emptyReadOnly: 'Der er ikke skrevet noget i dokumentet endnu.',
  },
  sv: {
    openDocument: 'Dokument',
    closeDocument: 'Stäng dokumentet',
    documentTitle: 'Gemensamt dokument',
    editorLabel: 'Texten i det gemensamma dokumentet',
    opening: 'Öppnar dokumentet …',
    toolbarLabel: 'Textformatering',
    bold: 'Fetstil',
    italic: 'Kursiv',
    heading: 'Avsnittsrubrik',
    bulletList: 'Punktlista',
    orderedList: 'Numrerad lista',
    blockquote: 'Citat',
    table: 'Infoga tabell',
    addRow: 'Lägg till rad',
    deleteTable: 'Ta bort tabell',
    undo: 'Ångra min senaste ändring',
    redo: 'Gör om',
    quoteNote: 'Citera vald lapp',
    quoteNoteHint: 'Välj först en eller flera lappar på tavlan.',
    quotedNote: 'Lapp från tavlan',
    quotedInDocument: 'Citerad i dokumentet',
    showOnBoard: 'Visa på tavlan',
    noteGone: 'Lappen finns inte längre på tavlan.',
    noteChanged: 'Lappen har ändrats på tavlan sedan den citerades.',
    updateQuote: 'Använd den nuvarande texten',
    comment: 'Kommentera',
    commentShortcut: 'Kommentera den markerade texten (Ctrl+Alt+M)',
    commentHint: 'Markera först lite text och välj sedan Kommentera.',
    commentsHeading: 'Kommentarer',
    commentLabel: 'Din kommentar till ”{quote}”',
    addComment: 'Lägg till kommentar',
    cancel: 'Avbryt',
    replyLabel: 'Ditt svar',
    reply: 'Svara',
    resolve: 'Markera som löst',
    reopen: 'Öppna igen',
    resolvedThreads: '{count, plural, one {# löst kommentar} other {# lösta kommentarer}}',
    noComments: 'Inga kommentarer ännu. Markera text och välj Kommentera.',
    authorshipHeading: 'Vem har skrivit',
    authorshipNone: 'Ingen har skrivit i dokumentet ännu.',
    authorshipNames: 'Förslag på författarrad: Skriven av {names} som kollektiv författare.',
    authorshipGroups: 'Förslag på författarrad: Skriven som kollektiv författare av deltagare från {groups}.',
    sectionWriters: '{count, plural, one {# skribent} other {# skribenter}}',
    preamble: 'Före första rubriken',
    untitledSection: 'Avsnitt utan rubrik',
    sectionsHeading: 'Avsnitt',
    sectionFinal: 'Slutgiltigt',
    lockSection: 'Markera ”{title}” som slutgiltigt',
    unlockSection: 'Öppna ”{title}” igen',
    lockedHint: 'Facilitatorn har markerat avsnittet som slutgiltigt. Bara facilitatorn kan ändra det.',
    exportHeading: 'Ladda ned',
    exportMarkdown: 'Markdown',
    exportWord: 'Word',
    includeComments: 'Ta med kommentarer',
    exportFailed: 'Nedladdningen fungerade inte. Försök igen.',
    readOnly: 'Du kan läsa dokumentet. Bara deltagare och facilitatorn kan skriva i det.',
    frozen: 'Facilitatorn har fryst tavlan. Du kan läsa dokumentet men inte skriva, kommentera eller svara förrän frysningen hävs.',
    startOutline: 'Börja med ett avsnitt för varje zon på tavlan',
    startTemplateOutline: 'Börja med avsnitten {sections}',
    emptyWritable: 'Börja skriva här.',
    emptyReadOnly: 'Inget har skrivits i dokumentet ännu.',
  },
  nb: {
    openDocument: 'Dokument',
    closeDocument: 'Lukk dokumentet',
    documentTitle: 'Felles dokument',
    editorLabel: 'Teksten i det felles dokumentet',
    opening: 'Åpner dokumentet …',
    toolbarLabel: 'Tekstformatering',
    bold: 'Fet',
    italic: 'Kursiv',
    heading: 'Avsnittsoverskrift',
    bulletList: 'Punktliste',
    orderedList: 'Nummerert liste',
    blockquote: 'Sitat',
    table: 'Sett inn tabell',
    addRow: 'Legg til rad',
    deleteTable: 'Slett tabell',
    undo: 'Angre min siste endring',
    redo: 'Gjør om',
    quoteNote: 'Siter valgt lapp',
    quoteNoteHint: 'Velg først én eller flere lapper på tavlen.',
    quotedNote: 'Lapp fra tavlen',
    quotedInDocument: 'Sitert i dokumentet',
    showOnBoard: 'Vis på tavlen',
    noteGone: 'Lappen er ikke lenger på tavlen.',
    noteChanged: 'Lappen er endret på tavlen siden den ble sitert.',
    updateQuote: 'Bruk den nåværende teksten',
    comment: 'Kommenter',
    commentShortcut: 'Kommenter den merkede teksten (Ctrl+Alt+M)',
    commentHint: 'Merk først litt tekst, og velg så Kommenter.',
    commentsHeading: 'Kommentarer',
    commentLabel: 'Din kommentar til «{quote}»',
    addComment: 'Legg til kommentar',
    cancel: 'Avbryt',
    replyLabel: 'Ditt svar',
    reply: 'Svar',
    resolve: 'Merk som løst',
    reopen: 'Åpne igjen',
    resolvedThreads: '{count, plural, one {# løst kommentar} other {# løste kommentarer}}',
    noComments: 'Ingen kommentarer ennå. Merk tekst, og velg Kommenter.',
    authorshipHeading: 'Hvem har skrevet',
    authorshipNone: 'Ingen har skrevet i dokumentet ennå.',
    authorshipNames: 'Forslag til forfatterlinje: Skrevet av {names} som kollektiv forfatter.',
    authorshipGroups: 'Forslag til forfatterlinje: Skrevet som kollektiv forfatter av deltakere fra {groups}.',
    sectionWriters: '{count, plural, one {# skribent} other {# skribenter}}',
    preamble: 'Før første overskrift',
    untitledSection: 'Avsnitt uten overskrift',
    sectionsHeading: 'Avsnitt',
    sectionFinal: 'Endelig',
    lockSection: 'Merk «{title}» som endelig',
    unlockSection: 'Åpne «{title}» igjen',
    lockedHint: 'Fasilitatoren har merket dette avsnittet som endelig. Bare fasilitatoren kan endre det.',
    exportHeading: 'Last ned',
    exportMarkdown: 'Markdown',
    exportWord: 'Word',
    includeComments: 'Ta med kommentarer',
    exportFailed: 'Nedlastingen virket ikke. Prøv igjen.',
    readOnly: 'Du kan lese dokumentet. Bare deltakere og fasilitatoren kan skrive i det.',
    frozen: 'Fasilitatoren har frosset tavlen. Du kan lese dokumentet, men ikke skrive, kommentere eller svare før frysingen er opphevet.',
    startOutline: 'Begynn med et avsnitt for hver sone på tavlen',
    startTemplateOutline: 'Begynn med avsnittene {sections}',
    emptyWritable: 'Begynn å skrive her.',
    emptyReadOnly: 'Ingenting er skrevet i dokumentet ennå.',
  },
}
