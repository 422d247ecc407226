import { useId, useState, type FormEvent } from 'react'
import type { VersionSummary } from '../../../shared/api/versions.ts'
import { useEditor } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardZones } from '../board/useBoardZones.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { boardToken } from './boardToken.ts'
import { fetchComparison, type Comparison } from './reportApi.ts'
import { useReportText } from './useReportText.ts'
import { versionName } from './versionName.ts'
import type { ReportUiKey } from './reportUiMessages.ts'
import './report.css'

const NOW = 'current'

type State = { status: 'idle' } | { status: 'busy' } | { status: 'failed' } | { status: 'done'; result: Comparison }

/** The per-zone changes the comparison API returns, in the order the table shows them (after the count before → after). */
const PER_ZONE_COLUMNS = [
  ['added', 'addedColumn'],
  ['removed', 'removedColumn'],
  ['movedIn', 'movedInColumn'],
  ['movedOut', 'movedOutColumn'],
  ['edited', 'editedColumn'],
] as const satisfies ReadonlyArray<readonly [keyof Comparison['perZone'][string], ReportUiKey]>

/**
 * Compares two kept versions of the board, or a version and the board now: the notes added,
 * removed, moved to another zone and edited, and per zone how many notes came, went, moved in or
 * out and were edited, with the count before and after.
 */
export function CompareVersions(props: { versions: readonly VersionSummary[] }) {
  const zones = useBoardZones(useEditor())
  const { t, r } = useReportText()
  const { locale } = useI18n()
  const { info } = useBoard()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState(NOW)
  const [state, setState] = useState<State>({ status: 'idle' })
  const ids = { from: useId(), to: useId(), heading: useId() }
  const name = (version: VersionSummary) => versionName(locale, version)
  const zoneName = (zone: string | null) => (zone ? (zones.find((z) => z.id === zone)?.label ?? zone) : r('outsideZones'))
  const fromId = from || props.versions[props.versions.length > 1 ? 1 : 0]?.id || ''

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!fromId) return
    setState({ status: 'busy' })
    fetchComparison(info.id, boardToken(), fromId, to)
      .then((result) => setState({ status: 'done', result }))
      .catch(() => setState({ status: 'failed' }))
  }

  if (props.versions.length === 0) return null
  return (
    <section className="version-compare" aria-labelledby={ids.heading}>
      <h5 id={ids.heading}>{t('compareHeading')}</h5>
      <form className="version-compare__pickers" onSubmit={onSubmit}>
        <label htmlFor={ids.from}>{t('compareFrom')}</label>
        <select id={ids.from} value={fromId} onChange={(event) => setFrom(event.target.value)}>
          {props.versions.map((version) => (
            <option key={version.id} value={version.id}>
              {name(version)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.to}>{t('compareTo')}</label>
        <select id={ids.to} value={to} onChange={(event) => setTo(event.target.value)}>
          <option value={NOW}>{t('boardNow')}</option>
          {props.versions.map((version) => (
            <option key={version.id} value={version.id}>
              {name(version)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={state.status === 'busy'}>
          {t('compareButton')}
        </button>
      </form>
      <div role="status" className="version-compare__result">
        {state.status === 'busy' ? <p>{t('comparing')}</p> : null}
        {state.status === 'failed' ? <p className="error">{t('compareFailed')}</p> : null}
        {state.status === 'done' ? <ComparisonResult result={state.result} zoneName={zoneName} /> : null}
      </div>
    </section>
  )
}

function ComparisonResult(props: { result: Comparison; zoneName: (zone: string | null) => string }) {
  const { t } = useReportText()
  const { result, zoneName } = props
  const text = (value: string) => value || t('emptyNote')
  return (
    <div data-testid="comparison">
      <h5>{t('addedHeading', { count: result.added.length })}</h5>
      <ul>
        {result.added.map((note) => (
          <li key={note.id}>
            {text(note.text)} <span className="hint">({zoneName(note.after?.zone ?? null)})</span>
          </li>
        ))}
      </ul>
      <h5>{t('removedHeading', { count: result.removed.length })}</h5>
      <ul>
        {result.removed.map((note) => (
          <li key={note.id}>{text(note.text)}</li>
        ))}
      </ul>
      <h5>{t('movedHeading', { count: result.moved.length })}</h5>
      <ul>
        {result.moved.map((note) => (
          <li key={note.id}>
            {text(note.text)}{' '}
            <span className="hint">{t('movedFromTo', { from: zoneName(note.before?.zone ?? null), to: zoneName(note.after?.zone ?? null) })}</span>
          </li>
        ))}
      </ul>
      <h5>{t('editedHeading', { count: result.edited.length })}</h5>
      <ul>
        {result.edited.map((note) => (
          <li key={note.id}>
            {text(note.text)} <span className="hint">{t('wasText', { text: text(note.before?.text ?? '') })}</span>
          </li>
        ))}
      </ul>
      <p>{t('unchangedLine', { count: result.unchanged })}</p>
      {/* Scrolls sideways in a narrow panel, so it takes focus: keyboard users can scroll it too. */}
      <div className="version-compare__table" tabIndex={0} role="group" aria-label={t('perZoneHeading')}>
        <table data-testid="per-zone">
          <caption>{t('perZoneHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('beforeAfterColumn')}</th>
              {PER_ZONE_COLUMNS.map(([column, heading]) => (
                <th key={column} scope="col">
                  {t(heading)}
                </th>
              ))}
            </tr>
          </thead>
          {/* A zone's name on a row of its own above its figures: the panel is narrow, names are long. */}
          {Object.entries(result.perZone).map(([zone, counts]) => (
            <tbody key={zone} data-zone={zone}>
              <tr>
                <th scope="rowgroup" colSpan={PER_ZONE_COLUMNS.length + 1}>
                  {zoneName(zone || null)}
                </th>
              </tr>
              <tr>
                <td>
                  <span data-count="before">{counts.before}</span> → <span data-count="after">{counts.after}</span>
                </td>
                {PER_ZONE_COLUMNS.map(([column]) => (
                  <td key={column}>
                    <span data-count={column}>{counts[column]}</span>
                  </td>
                ))}
              </tr>
            </tbody>
          ))}
        </table>
      </div>
    </div>
  )
}
