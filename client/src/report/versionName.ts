import type { VersionSummary } from '../../../shared/api/versions.ts'
import { formatDate } from '../../../shared/i18n/translator.ts'
import type { Locale } from '../../../shared/locales.ts'

/** When a version was kept, as pickers and headings show it ("7 Dec 2026, 14:05"). */
export function versionDate(locale: Locale, createdAt: number): string {
  return formatDate(locale, createdAt, { dateStyle: 'medium', timeStyle: 'short' })
}

/** A kept version as a picker lists it: its date, and its name when it has one. */
export function versionName(locale: Locale, version: Pick<VersionSummary, 'createdAt' | 'label'>): string {
  return `${versionDate(locale, version.createdAt)}${version.label ? ` – ${version.label}` : ''}`
}
