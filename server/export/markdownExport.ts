import type { BoardReport, NoteReport } from '../../shared/export/boardReport.ts'
import { reportText } from './reportText.ts'

// Markdown's own characters in a note's text would turn into formatting: escape them.
const escape = (text: string) => text.replace(/([\\`*_{}[\]<>#|!~])/g, '\\$1').replace(/\n+/g, ' ')

/** The board's content as Markdown: zones in the template's order, each with its notes. */
export function markdownExport(report: BoardReport, exportedAt: number): string {
  const x = reportText(report, exportedAt)
  const { t } = x
  const lines: string[] = [`# ${escape(report.title)}`, '']
  if (report.templateTitle) lines.push(t('templateLine', { template: report.templateTitle }) + '  ')
  lines.push(x.dates + (x.version ? '  ' : ''))
  if (x.version) lines.push(x.version)
  lines.push('')
  if (report.anonymous) lines.push(`> ${t('anonymousNotice')}`, '')
  const note = (n: NoteReport) => {
    const details = [
      x.group(n.group),
      ...(n.author ? [n.author] : []),
      ...(n.votes ? [x.votes(n) + (x.votesByGroup(n) ? ` (${x.votesByGroup(n)})` : '')] : []),
      ...(n.outcome ? [`${x.status(n)}, ${n.outcome.date}${n.outcome.reason ? `: ${escape(n.outcome.reason)}` : ''}`] : []),
    ]
    return `- ${escape(n.text)} — *${details.join(' · ')}*`
  }
  for (const zone of report.zones) {
    lines.push(`## ${escape(zone.label)}`, '')
    if (zone.prompt) lines.push(`*${escape(t('zonePrompt', { prompt: zone.prompt }))}*`, '')
    lines.push(...(zone.notes.length ? zone.notes.map(note) : [t('noNotes')]), '')
  }
  if (report.outside.length) lines.push(`## ${t('outsideZones')}`, '', ...report.outside.map(note), '')
  lines.push(`## ${t('participationHeading')}`, '', t('participationIntro'), '')
  const table = x.participation()
  lines.push(`| ${table.header.join(' | ')} |`, `| ${table.header.map(() => '---').join(' | ')} |`)
  for (const row of table.rows) lines.push(`| ${row.map((cell) => escape(String(cell))).join(' | ')} |`)
  lines.push('')
  if (report.sources.length) lines.push(`## ${t('sourcesHeading')}`, '', ...report.sources.map((s) => `- ${escape(s.full)}`), '')
  return lines.join('\n')
}
