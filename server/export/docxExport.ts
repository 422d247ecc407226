import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx'
import type { BoardReport, NoteReport } from '../../shared/export/boardReport.ts'
import { reportText } from './reportText.ts'

type Child = Paragraph | Table

const cell = (text: string | number, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(text), bold })] })] })

function table(header: string[], rows: Array<Array<string | number>>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) })),
    ],
  })
}

/**
 * The board's content as a Word document (the maintained `docx` library, not hand-written XML):
 * the title, dates, template and sources; per zone a heading, its prompt and a table of its notes
 * (group, author unless anonymous, votes, what happened); an appendix on participation by group.
 */
export async function docxExport(report: BoardReport, exportedAt: number): Promise<Buffer> {
  const x = reportText(report, exportedAt)
  const { t } = x
  const noteHeader = [t('noteLabel'), t('groupLabel'), ...(report.anonymous ? [] : [t('authorLabel')]), t('votesLabel'), t('statusLabel'), t('reasonLabel')]
  const noteRow = (n: NoteReport) => [
    n.text,
    x.group(n.group),
    ...(report.anonymous ? [] : [n.author ?? '']),
    n.votes ? `${n.votes.total}${x.votesByGroup(n) ? ` (${x.votesByGroup(n)})` : ''}` : '',
    n.outcome ? `${x.status(n)} (${n.outcome.date})` : t('status_none'),
    n.outcome?.reason ?? '',
  ]
  const children: Child[] = [new Paragraph({ text: report.title, heading: HeadingLevel.TITLE })]
  if (report.templateTitle) children.push(new Paragraph(t('templateLine', { template: report.templateTitle })))
  children.push(new Paragraph(x.dates))
  if (x.version) children.push(new Paragraph(x.version))
  if (report.anonymous) children.push(new Paragraph({ children: [new TextRun({ text: t('anonymousNotice'), italics: true })] }))

  for (const zone of x.sections()) {
    children.push(new Paragraph({ text: zone.label, heading: HeadingLevel.HEADING_1 }))
    if (zone.prompt) children.push(new Paragraph({ children: [new TextRun({ text: t('zonePrompt', { prompt: zone.prompt }), italics: true })] }))
    children.push(new Paragraph(t('noteCount', { count: zone.notes.length })))
    if (zone.notes.length) children.push(table(noteHeader, zone.notes.map(noteRow)))
  }

  children.push(new Paragraph({ text: t('participationHeading'), heading: HeadingLevel.HEADING_1 }))
  children.push(new Paragraph(t('participationIntro')))
  const participation = x.participation()
  children.push(table(participation.header, participation.rows))
  if (report.sources.length) {
    children.push(new Paragraph({ text: t('sourcesHeading'), heading: HeadingLevel.HEADING_1 }))
    for (const source of report.sources) children.push(new Paragraph({ text: source.full, bullet: { level: 0 } }))
  }
  const section: ISectionOptions = { children }
  const document = new Document({
    creator: 'coboard',
    title: report.title,
    description: report.templateTitle ?? undefined,
    sections: [section],
  })
  return Packer.toBuffer(document)
}
