import { useEffect, useId, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { BOARD_DOC_KEYS } from '../../../shared/boardDoc.ts'
import { GROUP_META_KEY } from '../../../shared/policy/boardRules.ts'
import { readSession, SESSION_ROOT, writeSession, type IntendedInvolvement } from '../../../shared/session/sessionState.ts'
import { stakeholderGroupSchema, STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { isExampleNote } from '../../../shared/templates/generateTemplateRecords.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { isDraft } from '../privateWriting/drafts.ts'
import { useBoardTemplate } from '../templates/useBoardTemplate.ts'
import { fetchProgress } from '../votes/votesApi.ts'
import { useVoting } from '../votes/VotingContext.tsx'
import { participationRows, type ParticipationRow } from './participation.ts'
import { PARTICIPATION_MESSAGES } from './participationMessages.ts'

const groupOf = (value: unknown): StakeholderGroup | undefined => {
  const parsed = stakeholderGroupSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/** The participation facts of the board, kept up to date. */
function useRows(): ParticipationRow[] {
  const editor = useEditor()
  const { session, info } = useBoard()
  const voting = useVoting()
  const template = useBoardTemplate(info.template)
  const [tick, setTick] = useState(0)
  const [votersByGroup, setVotersByGroup] = useState<Partial<Record<StakeholderGroup, number | null>>>({})
  useEffect(() => {
    const bump = () => setTick((n) => n + 1)
    const roots = [session.doc.getMap(SESSION_ROOT), session.doc.getMap(BOARD_DOC_KEYS.attendance)]
    roots.forEach((root) => root.observe(bump))
    session.awareness.on('change', bump)
    return () => {
      roots.forEach((root) => root.unobserve(bump))
      session.awareness.off('change', bump)
    }
  }, [session])
  const vote = voting?.vote
  useEffect(() => {
    const caller = voting?.caller
    if (!vote || !caller) return setVotersByGroup({})
    if (vote.status === 'closed' && vote.results) return setVotersByGroup(vote.results.votersByGroup as Partial<Record<StakeholderGroup, number | null>>)
    let current = true
    const poll = () => fetchProgress(caller, vote.id).then((p) => current && setVotersByGroup(p.votersByGroup as never), () => undefined)
    void poll()
    const timer = setInterval(poll, 3_000)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [vote, voting])
  const noteGroups = useValue(
    'note groups',
    () =>
      editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'note' && !isExampleNote(shape) && !isDraft(shape))
        .map((shape) => groupOf((shape.meta as Record<string, unknown>)[GROUP_META_KEY]))
        .filter((group): group is StakeholderGroup => group !== undefined),
    [editor],
  )
  void tick
  const presentGroups = [...session.awareness.getStates().values()]
    .map((state) => groupOf((state as { user?: { group?: unknown } }).user?.group))
    .filter((group): group is StakeholderGroup => group !== undefined)
  const attendanceGroups = [...session.doc.getMap<{ group?: unknown }>(BOARD_DOC_KEYS.attendance).values()]
    .map((entry) => groupOf(entry?.group))
    .filter((group): group is StakeholderGroup => group !== undefined)
  return participationRows({
    suggested: template.status === 'loaded' ? template.template.suggestedGroups : [],
    intended: readSession(session.doc).intended,
    presentGroups,
    attendanceGroups,
    noteGroups,
    votersByGroup,
    allGroups: info.role === 'facilitator',
  })
}

/**
 * "Participation": per stakeholder group, who was meant to take part (editable by the
 * facilitator) against who did — present now, took part, notes written, voted — and which
 * expected groups have not joined. Big enough to show on the projector.
 */
export function ParticipationPanel() {
  const t = useCatalog(PARTICIPATION_MESSAGES)
  const { locale } = useI18n()
  const { session, info } = useBoard()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const titleId = useId()
  const rows = useRows()
  const facilitator = info.role === 'facilitator'
  const setIntended = (group: StakeholderGroup, change: Partial<IntendedInvolvement>) => {
    const intended = { ...readSession(session.doc).intended }
    intended[group] = { people: null, how: '', ...intended[group], ...change }
    writeSession(session.doc, { intended })
  }
  const missing = rows.filter((row) => row.missing)
  return (
    <div className="every-voice__part">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('toggle')}
      </button>
      <section id={panelId} className="every-voice__panel participation" hidden={!open} aria-labelledby={titleId}>
        <h2 id={titleId}>{t('heading')}</h2>
        {missing.length > 0 ? (
          <ul className="participation__missing">
            {missing.map((row) => (
              <li key={row.group}>{t('missing', { group: STAKEHOLDER_GROUP_LABELS[row.group][locale] })}</li>
            ))}
          </ul>
        ) : null}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('group')}</th>
              <th scope="col">{t('intended')}</th>
              <th scope="col">{t('present')}</th>
              <th scope="col">{t('tookPart')}</th>
              <th scope="col">{t('notes')}</th>
              <th scope="col">{t('voted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const label = STAKEHOLDER_GROUP_LABELS[row.group][locale]
              return (
                <tr key={row.group} data-missing={row.missing}>
                  <th scope="row">{label}</th>
                  <td>
                    {facilitator ? (
                      <span className="participation__intended">
                        <input
                          type="number"
                          min={0}
                          max={10000}
                          aria-label={t('intendedPeople', { group: label })}
                          value={row.intended?.people ?? ''}
                          onChange={(e) => setIntended(row.group, { people: e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value))) })}
                        />
                        <input
                          type="text"
                          maxLength={300}
                          aria-label={t('intendedHow', { group: label })}
                          placeholder={t('howPlaceholder')}
                          value={row.intended?.how ?? ''}
                          onChange={(e) => setIntended(row.group, { how: e.target.value })}
                        />
                      </span>
                    ) : (
                      `${row.intended?.people ?? '–'} ${row.intended?.how ?? ''}`
                    )}
                  </td>
                  <td>{row.present}</td>
                  <td>{row.tookPart}</td>
                  <td>{row.notes}</td>
                  <td>{row.voters === null ? t('fewerThanThree') : row.voters}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </div>
  )
}
