import { exportFileName } from '../../../shared/api/exports.ts'

/** The local date as YYYY-MM-DD (for file names and outcome dates). */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * The name of a downloaded file: the board's title, the zone when only one was exported, and the
 * date, so that a facilitator's downloads folder sorts by board and session.
 */
export function boardFileName(options: { title: string; zone?: string; date: Date; extension: string }): string {
  const base = [options.title.trim() || 'coboard', options.zone?.trim(), isoDay(options.date)].filter(Boolean).join(' – ')
  return exportFileName(base, options.extension)
}

/** The file name a server response gave in `Content-Disposition` (RFC 6266, UTF-8 form first). */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1])
    } catch {
      // Fall back to the ASCII name.
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1]
}

/** Puts the date before the extension of a server-given name: "Title.md" → "Title – 2026-11-23.md". */
export function withDate(fileName: string, date: Date): string {
  const dot = fileName.lastIndexOf('.')
  return dot > 0 ? `${fileName.slice(0, dot)} – ${isoDay(date)}${fileName.slice(dot)}` : `${fileName} – ${isoDay(date)}`
}
