import { useId, useState } from 'react'
import type { Editor } from 'tldraw'
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api/exports.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardZones } from '../board/useBoardZones.ts'
import { exportBoardImage, IMAGE_FORMATS, type ExportScope, type ImageFormat } from './boardImageExport.ts'
import { boardFileName } from './fileNames.ts'
import { downloadBlob, fetchServerExport } from './reportApi.ts'
import { useReportText } from './useReportText.ts'

/**
 * The exports of a board: its content by zone as Markdown, CSV or Word (made by the server), and
 * a picture of the board or of one zone as PNG, SVG or PDF (made here with tldraw's export).
 */
export function ExportPanel(props: { editor: Editor; token: string }) {
  const { t } = useReportText()
  const { info } = useBoard()
  const zones = useBoardZones(props.editor).filter((zone) => zone.kind === 'zone')
  const [scope, setScope] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const scopeId = useId()

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

  const serverExport = (format: ExportFormat) => run(() => fetchServerExport(info.id, props.token, format, new Date()))
  const imageExport = (format: ImageFormat) =>
    run(async () => {
      const zone = zones.find((z) => z.id === scope)
      const exportScope: ExportScope = zone ? { kind: 'zone', shapeId: zone.shapeId, label: zone.label } : { kind: 'board' }
      const blob = await exportBoardImage(props.editor, exportScope, format, info.title)
      return blob ? { blob, fileName: boardFileName({ title: info.title, zone: zone?.label, date: new Date(), extension: format }) } : undefined
    })

  return (
    <div className="report-export">
      <h3>{t('contentHeading')}</h3>
      <div className="report-export__buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" disabled={busy} data-format={format} onClick={() => void serverExport(format)}>
            {t(`format_${format}`)}
          </button>
        ))}
      </div>
      <h3>{t('pictureHeading')}</h3>
      <label htmlFor={scopeId}>{t('exportScope')}</label>
      <select id={scopeId} value={scope} onChange={(event) => setScope(event.target.value)}>
        <option value="">{t('wholeBoard')}</option>
        {zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {t('zoneOption', { zone: zone.label })}
          </option>
        ))}
      </select>
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
