import type { BoardReport, NoteReport, ZoneReport } from '../../shared/export/boardReport.ts'
import { createTranslator, formatDate } from '../../shared/i18n/translator.ts'
import { REPORT_MESSAGES } from '../../shared/i18n/reportMessages.ts'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../shared/stakeholderGroups.ts'

/** The words and formatted values every export uses, in the board's language. */
export function reportText(report: BoardReport, exportedAt: number) {
  const t = createTranslator(REPORT_MESSAGES, report.locale)
  const date = (ms: number) => formatDate(report.locale, ms)
  const group = (g: StakeholderGroup | null) => (g ? STAKEHOLDER_GROUP_LABELS[g][report.locale] : t('unknownGroup'))
  return {
    t,
    date,
    group,
    /** "Board created 23 November 2026; exported 24 November 2026". */
    dates: t('dateLine', { created: date(report.createdAt), exported: date(exportedAt) }),
    version: report.version
      ? report.version.label
        ? t('versionLine', { label: report.version.label, date: date(report.version.createdAt) })
        : t('versionUnnamed', { date: date(report.version.createdAt) })
      : null,
    votes: (note: NoteReport) => (note.votes ? t('votesValue', { total: note.votes.total }) : ''),
    votesByGroup: (note: NoteReport) =>
      note.votes
        ? Object.entries(note.votes.byGroup)
            .map(([g, n]) => `${group(g as StakeholderGroup)}: ${n}`)
            .join('; ')
        : '',
    status: (note: NoteReport) => t(note.outcome ? (`status_${note.outcome.status}` as const) : 'status_none'),
    /** The zones in order, then the notes outside every zone as a last section (when there are any). */
    sections: (): ZoneReport[] => [...report.zones, ...(report.outside.length ? [{ id: '', label: t('outsideZones'), prompt: '', notes: report.outside }] : [])],
    /** The participation appendix as a table: a header and a row per stakeholder group. */
    participation: () => ({
      header: [t('groupLabel'), t('intendedLabel'), t('intendedHowLabel'), t('presentLabel'), t('notesWrittenLabel'), t('votersLabel', { votes: report.closedVotes })],
      rows: report.participation.map((row) => [
        group(row.group),
        row.intended?.people ?? '',
        row.intended?.how ?? '',
        row.present,
        row.notes,
        row.voters === null ? t('hiddenFewVoters') : row.voters,
      ]),
    }),
  }
}
