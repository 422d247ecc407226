import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import type { VersionSummary } from '../../../shared/api/versions.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { CompareVersions } from '../report/CompareVersions.tsx'
import { useReportText } from '../report/useReportText.ts'
import { parseRoute, versionLink } from '../routes.ts'
import { fetchVersions, restoreVersion, saveVersion } from './historyApi.ts'
import { useProtectionMessages } from './protectionMessages.ts'

/** How many versions are listed before "show more". */
const FIRST_PAGE = 12

type ListState = { status: 'loading' } | { status: 'failed' } | { status: 'loaded'; versions: VersionSummary[] }

/**
 * The facilitator's board history: keep a (named) version now, see the kept versions, view one
 * read-only (in a new tab), restore one or bring back what was deleted since. Restores are
 * changes every participant receives.
 */
export function HistoryPanel() {
  const t = useProtectionMessages()
  const { t: r } = useReportText()
  const { locale } = useI18n()
  const { info } = useBoard()
  const token = boardToken()
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [label, setLabel] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [showAll, setShowAll] = useState(false)
  const labelId = useId()
  const format = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : locale, { dateStyle: 'medium', timeStyle: 'short' })

  const refresh = useCallback(() => {
    fetchVersions(info.id, token)
      .then((versions) => setList({ status: 'loaded', versions }))
      .catch(() => setList({ status: 'failed' }))
  }, [info.id, token])
  useEffect(refresh, [refresh])

  async function run(action: () => Promise<string>) {
    setBusy(true)
    try {
      setStatus(await action())
      refresh()
    } catch {
      setStatus(t.restoreFailed)
    } finally {
      setBusy(false)
    }
  }

  function onSave(event: FormEvent) {
    event.preventDefault()
    void run(async () => {
      await saveVersion(info.id, token, label)
      setLabel('')
      return t.versionSaved
    })
  }

  function onRestore(version: VersionSummary, mode: 'all' | 'deleted') {
    const when = format.format(version.createdAt)
    if (!window.confirm(mode === 'all' ? t.confirmRestoreAll(when) : t.confirmRestoreDeleted(when))) return
    void run(async () => {
      const result = await restoreVersion(info.id, token, version.id, mode)
      return mode === 'all' ? t.restored(result.created + result.changed + result.removed) : t.restoredDeleted(result.shapes)
    })
  }

  const versions = list.status === 'loaded' ? list.versions : []
  const shown = showAll ? versions : versions.slice(0, FIRST_PAGE)
  return (
    <div className="history-panel">
      <p className="hint">{t.historyIntro}</p>
      <form className="history-panel__save" onSubmit={onSave}>
        <label htmlFor={labelId}>{t.versionNameLabel}</label>
        <input id={labelId} type="text" value={label} maxLength={120} onChange={(event) => setLabel(event.target.value)} />
        <button type="submit" disabled={busy}>
          {t.saveVersion}
        </button>
      </form>
      <p role="status" className="history-panel__status">
        {status}
      </p>
      {list.status === 'loading' ? <p className="hint">{t.historyLoading}</p> : null}
      {list.status === 'failed' ? <p role="alert">{t.historyFailed}</p> : null}
      {list.status === 'loaded' && versions.length === 0 ? <p className="hint">{t.historyEmpty}</p> : null}
      <ol className="history-panel__list">
        {shown.map((version) => {
          const when = format.format(version.createdAt)
          return (
            <li key={version.id} className="history-version" data-version={version.id}>
              <span className="history-version__head">
                <time dateTime={new Date(version.createdAt).toISOString()}>{when}</time>
                <span className="history-version__kind">{t.versionKind[version.kind]}</span>
              </span>
              {version.label ? <span className="history-version__label">{version.label}</span> : null}
              <span className="hint">{t.versionNotes(version.noteCount)}</span>
              <span className="template-tool__buttons">
                <a className="history-version__view" href={versionLink(window.location, version.id)} target="_blank" rel="noopener" aria-label={r('viewVersionFor', { when })}>
                  {r('viewVersion')}
                </a>
                <button type="button" disabled={busy} aria-label={`${t.restoreAll}: ${when}`} onClick={() => onRestore(version, 'all')}>
                  {t.restoreAll}
                </button>
                <button type="button" disabled={busy} aria-label={`${t.restoreDeleted}: ${when}`} onClick={() => onRestore(version, 'deleted')}>
                  {t.restoreDeleted}
                </button>
              </span>
            </li>
          )
        })}
      </ol>
      {!showAll && versions.length > FIRST_PAGE ? (
        <button type="button" className="template-link-button" onClick={() => setShowAll(true)}>
          {t.showAllVersions(versions.length)}
        </button>
      ) : null}
      <CompareVersions versions={versions} />
    </div>
  )
}

// The link's token, from the fragment of the address the board was opened with.
function boardToken(): string {
  const route = parseRoute(window.location)
  return route.page === 'board' ? (route.token ?? '') : ''
}
