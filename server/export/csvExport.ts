import type { BoardReport } from '../../shared/export/boardReport.ts'
import { reportText } from './reportText.ts'

/**
 * A cell as a spreadsheet may safely read it. A citizen's note that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return would be read by Excel or LibreOffice as a formula
 * (`=HYPERLINK(...)` can leak data or run commands): such text gets a leading apostrophe, which
 * spreadsheets show as text. Every cell is quoted (RFC 4180).
 */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

/**
 * The board's notes as CSV, one row per note with its zone: UTF-8 with a byte-order mark and
 * CRLF line ends, so that Excel opens Danish, Swedish and Norwegian letters correctly.
 */
export function csvExport(report: BoardReport, exportedAt: number): string {
  const x = reportText(report, exportedAt)
  const { t } = x
  const header = [
    t('zoneLabel'),
    t('promptLabel'),
    t('noteLabel'),
    t('groupLabel'),
    ...(report.anonymous ? [] : [t('authorLabel')]),
    t('votesLabel'),
    t('votesByGroupLabel'),
    t('statusLabel'),
    t('reasonLabel'),
    t('statusDateLabel'),
  ]
  const rows: Array<Array<string | number>> = [header]
  for (const zone of x.sections()) {
    for (const note of zone.notes) {
      rows.push([
        zone.label,
        zone.prompt,
        note.text,
        x.group(note.group),
        ...(report.anonymous ? [] : [note.author ?? '']),
        note.votes?.total ?? '',
        x.votesByGroup(note),
        note.outcome ? x.status(note) : '',
        note.outcome?.reason ?? '',
        note.outcome?.date ?? '',
      ])
    }
  }
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
