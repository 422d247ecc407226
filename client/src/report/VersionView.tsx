import { useEffect, useState } from 'react'
import 'tldraw/tldraw.css'
import { Tldraw, type Editor } from 'tldraw'
import type { Locale } from '../../../shared/locales.ts'
import { SELF_HOSTED_ASSET_URLS, SHAPE_UTILS } from '../board/tldrawSetup.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useReportText } from './useReportText.ts'
import { useVersionBoard } from './useVersionBoard.ts'
import { versionDate } from './versionName.ts'
import './report.css'

/**
 * A kept version of the board, read-only (`/b/<id>?view=version&v=<versionId>#k=<token>`, opened
 * from the facilitator's history): the board as it was then, drawn by tldraw with editing off and
 * no connection to the live board. Clearly labelled, so nobody mistakes it for the board now.
 */
export function VersionView(props: { boardId: string; token: string | undefined; versionId: string; onBoardLocale: (locale: Locale) => void }) {
  const { t } = useReportText()
  const { locale } = useI18n()
  const board = useVersionBoard(props.boardId, props.token ?? '', props.versionId)
  const [editor, setEditor] = useState<Editor>()
  const { onBoardLocale } = props
  const ready = board.status === 'ready' ? board : undefined
  const heading = ready
    ? ready.version.label
      ? t('versionViewTitleNamed', { label: ready.version.label, date: versionDate(locale, ready.version.createdAt) })
      : t('versionViewTitle', { date: versionDate(locale, ready.version.createdAt) })
    : ''

  useEffect(() => {
    if (ready) onBoardLocale(ready.info.locale)
  }, [ready, onBoardLocale])
  useEffect(() => {
    if (ready) document.title = `${heading} – ${ready.info.title}`
  }, [ready, heading])

  if (!ready) {
    return (
      <>
        <PageHeader />
        <main className="outcomes-page" aria-busy={board.status === 'loading'}>
          <p role={board.status === 'failed' ? 'alert' : 'status'}>
            {board.status === 'failed' ? t(board.problem === 'newer' ? 'versionViewNewer' : 'versionViewFailed') : t('versionViewLoading')}
          </p>
        </main>
      </>
    )
  }
  return (
    <main className="version-view" aria-label={heading}>
      <header className="version-view__bar">
        <div>
          <p className="version-view__board">{ready.info.title}</p>
          <h1 className="version-view__title">{heading}</h1>
          <p className="version-view__intro">{t('versionViewIntro')}</p>
        </div>
        <div className="version-view__actions">
          <button type="button" disabled={!editor} onClick={() => editor?.zoomToFit({ animation: { duration: 200 } })}>
            {t('showWholeBoard')}
          </button>
          <a href={`${window.location.pathname}${window.location.hash}`}>{t('backToBoard')}</a>
        </div>
      </header>
      <div className="version-view__stage" data-testid="version-stage" data-version={ready.version.id}>
        <Tldraw
          store={ready.store}
          hideUi
          licenseKey={ready.config.tldrawLicenseKey ?? undefined}
          assetUrls={SELF_HOSTED_ASSET_URLS}
          shapeUtils={SHAPE_UTILS}
          onMount={(mounted: Editor) => {
            mounted.updateInstanceState({ isReadonly: true })
            mounted.zoomToFit({ animation: { duration: 0 } })
            setEditor(mounted)
            // Exposed for the browser tests, as on the board page.
            ;(window as unknown as { coboardEditor?: Editor }).coboardEditor = mounted
          }}
        />
      </div>
    </main>
  )
}
