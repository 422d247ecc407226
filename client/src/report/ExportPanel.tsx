import { useEffect, useId, useState } from 'react'
import type { Editor } from 'tldraw'
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/exports.ts'
import type { VersionSummary } from '../../../shared/api/versions.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardZones } from '../board/useBoardZones.ts'
import { inReadingOrder } from '../board/zoneNavigation.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { fetchVersions } from '../protection/historyApi.ts'
import { exportBoardImage, IMAGE_FORMATS, type ExportScope, type ImageFormat } from './boardImageExport.ts'
import { boardFileName } from './fileNames.ts'
import { PAPER_SIZES, type Paper } from './minimalPdf.ts'
import { downloadBlob, fetchServerExport } from './reportApi.ts'
import { useReportText } from './useReportText.ts'
import { versionName } from './versionName.ts'

/** Zone kinds that get a page of their own in a PDF (bands are left out: their cells have pages). */
const PAGE_KINDS = ['zone', 'cell']

/**
 * The exports of a board: its content by zone as Markdown, CSV or Word (made by the server; the
 * facilitator may pick a kept version), and a picture of the board or of one zone as PNG, SVG or
 * PDF (made here with tldraw's export; a PDF on A4 or A3, optionally with a page per zone).
 */
export function ExportPanel(props: { editor: Editor; token: string }) {
  const { t } = useReportText()
  const { info } = useBoard()
  const allZones = useBoardZones(props.editor)
  const zones = allZones.filter((zone) => zone.kind === 'zone')
  const [scope, setScope] = useState('')
  const [version, setVersion] = useState('')
  const [paper, setPaper] = useState<Paper>('a4')
  const [zonePages, setZonePages] = useState(false)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const versions = useKeptVersions(info.id, props.token, info.role === 'facilitator')
  const ids = { scope: useId(), version: useId(), paper: useId(), zonePages: useId(), zonePagesHint: useId() }

  async function run(work: () => Promise<{ blob: Blob; fileName: string } | undefined>) {
    setBusy(true)
    setStatus(t('exporting'))
    try {
      const file = await work()
      if (!file) {
        setStatus(t('exportEmpty'))
        return
      }
      downloadBlob(file.blob, file.fileName)
      setStatus(t('exportDone', { file: file.fileName }))
    } catch {
      setStatus(t('exportFailed'))
    } finally {
      setBusy(false)
    }
  }

  const serverExport = (format: ExportFormat) => run(() => fetchServerExport(info.id, props.token, format, new Date(), version || undefined))
  const imageExport = (format: ImageFormat) =>
    run(async () => {
      const zone = zones.find((z) => z.id === scope)
      const exportScope: ExportScope = zone ? { kind: 'zone', shapeId: zone.shapeId, label: zone.label } : { kind: 'board' }
      const pages = zonePages && !zone ? inReadingOrder(allZones.filter((z) => PAGE_KINDS.includes(z.kind))) : []
      const blob = await exportBoardImage(props.editor, exportScope, format, info.title, {
        paper,
        zonePages: pages,
        onPage: (page, count) => count > 1 && setStatus(t('drawingPage', { page, pages: count })),
      })
      return blob ? { blob, fileName: boardFileName({ title: info.title, zone: zone?.label, date: new Date(), extension: format }) } : undefined
    })

  return (
    <div className="report-export">
      <h3>{t('contentHeading')}</h3>
      {versions.length > 0 ? (
        <>
          <label htmlFor={ids.version}>{t('exportVersion')}</label>
          <select id={ids.version} value={version} onChange={(event) => setVersion(event.target.value)}>
            <option value="">{t('boardNow')}</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <div className="report-export__buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" disabled={busy} data-format={format} onClick={() => void serverExport(format)}>
            {t(`format_${format}`)}
          </button>
        ))}
      </div>
      <h3>{t('pictureHeading')}</h3>
      <label htmlFor={ids.scope}>{t('exportScope')}</label>
      <select id={ids.scope} value={scope} onChange={(event) => setScope(event.target.value)}>
        <option value="">{t('wholeBoard')}</option>
        {zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {t('zoneOption', { zone: zone.label })}
          </option>
        ))}
      </select>
      <label htmlFor={ids.paper}>{t('paperLabel')}</label>
      <select id={ids.paper} value={paper} onChange={(event) => setPaper(event.target.value as Paper)}>
        {PAPER_SIZES.map((size) => (
          <option key={size} value={size}>
            {t(`paper_${size}`)}
          </option>
        ))}
      </select>
      {scope === '' ? (
        <label className="report-export__check" htmlFor={ids.zonePages}>
          <input id={ids.zonePages} type="checkbox" checked={zonePages} aria-describedby={ids.zonePagesHint} onChange={(event) => setZonePages(event.target.checked)} />
          {t('pdfZonePages')}
        </label>
      ) : null}
      {scope === '' ? (
        <p id={ids.zonePagesHint} className="report-export__hint">
          {t('pdfZonePagesHint')}
        </p>
      ) : null}
      <div className="report-export__buttons">
        {IMAGE_FORMATS.map((format) => (
          <button key={format} type="button" disabled={busy} data-format={format} onClick={() => void imageExport(format)}>
            {t(`format_${format}`)}
          </button>
        ))}
      </div>
      <p role="status" className="report-export__status">
        {status}
      </p>
    </div>
  )
}

/** The board's kept versions, named for a picker (facilitator only: others cannot list them). */
function useKeptVersions(boardId: string, token: string, facilitator: boolean): Array<{ id: string; name: string }> {
  const { locale } = useI18n()
  const [versions, setVersions] = useState<VersionSummary[]>([])
  useEffect(() => {
    if (!facilitator) return
    let live = true
    // Without the list the picker is simply not shown; the board now still exports.
    fetchVersions(boardId, token)
      .then((list) => live && setVersions(list))
      .catch(() => live && setVersions([]))
    return () => {
      live = false
    }
  }, [boardId, token, facilitator])
  return versions.map((v) => ({ id: v.id, name: versionName(locale, v) }))
}
