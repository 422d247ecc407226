import { AlignmentType, BorderStyle, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { safeHref, type DocBlock, type Inline } from '../../shared/document/documentModel.ts'
import { createTranslator } from '../../shared/i18n/translator.ts'
import { REPORT_MESSAGES } from '../../shared/i18n/reportMessages.ts'
import type { Locale } from '../../shared/locales.ts'
import { STAKEHOLDER_GROUP_LABELS } from '../../shared/stakeholderGroups.ts'
import { authorshipLine, type DocumentExportInput } from './documentExport.ts'

/*
 * The collective document as a Word file. Kept apart from the Markdown export so that the docx
 * library is loaded only when somebody asks for a Word file.
 */

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6]

/** The paragraph style of quotations (defined in the document's styles below). */
const QUOTE_STYLE = 'Quote'

function runs(inline: Inline[]): Array<TextRun | ExternalHyperlink> {
  return inline.map((run) => {
    if (run.text === '\n') return new TextRun({ text: '', break: 1 })
    const href = safeHref(run.href)
    const text = new TextRun({
      text: run.text,
      bold: run.marks.includes('bold'),
      italics: run.marks.includes('italic'),
      strike: run.marks.includes('strike'),
      underline: run.marks.includes('underline') ? {} : undefined,
      font: run.marks.includes('code') ? 'Courier New' : undefined,
      style: href ? 'Hyperlink' : undefined,
    })
    // A link that is not http(s) or mailto (javascript:, file:, data:...) stays plain text.
    return href ? new ExternalHyperlink({ link: href, children: [text] }) : text
  })
}

/** Where a block is written: in a quotation or not, how deep in lists, and the count of lists so far. */
interface DocxPlace {
  t: ReturnType<typeof createTranslator<keyof typeof REPORT_MESSAGES.en>>
  locale: Locale
  level: number
  quote: boolean
  /** Numbers each numbered list: every list is an instance of its own, so each starts at 1. */
  nextList: () => number
}

const paragraph = (place: DocxPlace, options: ConstructorParameters<typeof Paragraph>[0] & object) =>
  new Paragraph({ ...(place.quote ? { style: QUOTE_STYLE } : {}), ...options })

function blockDocx(block: DocBlock, place: DocxPlace): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.inline) })]
    case 'paragraph':
      return [paragraph(place, { children: runs(block.inline) })]
    case 'quote':
      return block.blocks.flatMap((b) => blockDocx(b, { ...place, quote: true }))
    case 'list': {
      const instance = block.ordered ? place.nextList() : 0
      const level = Math.min(place.level, 5)
      return block.items.flatMap((item) =>
        item.flatMap((b, k) =>
          b.kind === 'paragraph' && k === 0
            ? [paragraph(place, { children: runs(b.inline), ...(block.ordered ? { numbering: { reference: 'ordered', level, instance } } : { bullet: { level } }) })]
            : blockDocx(b, { ...place, level: place.level + 1 }),
        ),
      )
    }
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell) })] })) })),
        }),
      ]
    case 'note':
      return [
        new Paragraph({
          style: QUOTE_STYLE,
          children: [
            new TextRun({ text: `${place.t('quotedNote')}${block.group ? ` (${STAKEHOLDER_GROUP_LABELS[block.group][place.locale]})` : ''}: `, bold: true }),
            new TextRun({ text: block.text }),
          ],
        }),
      ]
    case 'code':
      return [paragraph(place, { children: [new TextRun({ text: block.text, font: 'Courier New' })] })]
    case 'rule':
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] })]
  }
}

/** The document as Word: headings, paragraphs, lists, tables and quoted notes, author line, comments. */
export async function documentDocx(input: DocumentExportInput): Promise<Buffer> {
  const t = createTranslator(REPORT_MESSAGES, input.locale)
  const children: Array<Paragraph | Table> = [new Paragraph({ text: input.title, heading: HeadingLevel.TITLE })]
  const authors = authorshipLine(input)
  if (authors) children.push(new Paragraph({ children: [new TextRun({ text: authors, italics: true })] }))
  let lists = 0
  const place: DocxPlace = { t, locale: input.locale, level: 0, quote: false, nextList: () => ++lists }
  for (const block of input.blocks) children.push(...blockDocx(block, place))
  if (input.comments?.length) {
    children.push(new Paragraph({ text: t('commentsHeading'), heading: HeadingLevel.HEADING_1 }))
    for (const thread of input.comments) {
      children.push(new Paragraph({ children: [new TextRun({ text: t('commentOn', { quote: thread.quote }) + (thread.resolved ? ` (${t('commentResolved')})` : ''), italics: true })] }))
      for (const reply of thread.replies) {
        const who = reply.author.name ?? STAKEHOLDER_GROUP_LABELS[reply.author.group][input.locale]
        children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${who}: `, bold: true }), new TextRun(reply.text)] }))
      }
    }
  }
  const document = new Document({
    creator: 'coboard',
    title: input.title,
    numbering: {
      config: [{ reference: 'ordered', levels: Array.from({ length: 6 }, (_, level) => ({ level, format: 'decimal' as const, text: `%${level + 1}.`, alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })) }],
    },
    styles: {
      // Quotations and quoted notes: indented, in italics, with a rule on the left, as in the editor.
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '33333B' },
          paragraph: { indent: { left: 720, right: 360 }, spacing: { before: 120, after: 120 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '8A8A96', space: 12 } } },
        },
      ],
    },
    sections: [{ children }],
  })
  return Packer.toBuffer(document)
}
