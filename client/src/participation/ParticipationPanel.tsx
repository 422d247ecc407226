import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { readSession, writeSession, type IntendedInvolvement } from '../../../shared/session/sessionState.ts'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { fetchProgress } from '../votes/votesApi.ts'
import { useVoting } from '../votes/VotingContext.tsx'
import { identifiableGroups, type ParticipationRow } from './participation.ts'
import { PARTICIPATION_MESSAGES } from './participationMessages.ts'
import { useParticipation, type PresenceSource, type VotersByGroup } from './useParticipation.ts'
import './everyVoice.css'

/** While a vote runs, its voters per group, polled for the facilitator (counts only). */
function useLiveVoters(): VotersByGroup | undefined {
  const voting = useVoting()
  const vote = voting?.vote
  const caller = voting?.caller
  const [voters, setVoters] = useState<VotersByGroup>()
  useEffect(() => {
    setVoters(undefined)
    if (vote?.status !== 'open' || !caller) return
    let current = true
    const poll = () => fetchProgress(caller, vote.id).then((p) => current && setVoters(p.votersByGroup as VotersByGroup), () => undefined)
    void poll()
    const timer = setInterval(poll, 3_000)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [vote?.id, vote?.status, caller])
  return voters
}

/**
 * "Participation": per stakeholder group, who was meant to take part (editable by the
 * facilitator) against who did — present now, took part, notes written, voted — and which
 * expected groups have not joined. Big enough to show on the projector.
 */
export function ParticipationPanel() {
  const t = useCatalog(PARTICIPATION_MESSAGES)
  const { session, info } = useBoard()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const liveVoters = useLiveVoters()
  const facilitator = info.role === 'facilitator'
  const { rows, anonymous } = useParticipation({ doc: session.doc, presence: session.awareness, templateId: info.template, allGroups: facilitator, liveVoters })
  return (
    <div className="every-voice__part">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('toggle')}
      </button>
      <ParticipationTable id={panelId} hidden={!open} rows={rows} anonymous={anonymous} editDoc={facilitator ? session.doc : undefined} />
    </div>
  )
}

/** The participation table for the presenter view (read-only, behind its own button). */
export function PresenterParticipation(props: { doc: Y.Doc; presence: PresenceSource; templateId: string }) {
  const t = useCatalog(PARTICIPATION_MESSAGES)
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const { rows, anonymous } = useParticipation({ doc: props.doc, presence: props.presence, templateId: props.templateId, allGroups: false })
  return (
    <div className="presenter-participation">
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('toggle')}
      </button>
      <ParticipationTable id={panelId} hidden={!open} rows={rows} anonymous={anonymous} />
    </div>
  )
}

/** The table itself; with `editDoc` (the facilitator's) the intended involvement can be stated. */
function ParticipationTable(props: { id: string; hidden: boolean; rows: ParticipationRow[]; anonymous: boolean; editDoc?: Y.Doc }) {
  const t = useCatalog(PARTICIPATION_MESSAGES)
  const { locale } = useI18n()
  const titleId = useId()
  const { rows, editDoc } = props
  const setIntended = (group: StakeholderGroup, change: Partial<IntendedInvolvement>) => {
    if (!editDoc) return
    const intended = { ...readSession(editDoc).intended }
    intended[group] = { people: null, how: '', ...intended[group], ...change }
    writeSession(editDoc, { intended })
  }
  const missing = rows.filter((row) => row.missing)
  const small = props.anonymous ? identifiableGroups(rows) : []
  return (
    <section id={props.id} className="every-voice__panel participation" hidden={props.hidden} aria-labelledby={titleId}>
      <h2 id={titleId}>{t('heading')}</h2>
      {missing.length > 0 ? (
        <ul className="participation__missing">
          {missing.map((row) => (
            <li key={row.group}>{t('missing', { group: STAKEHOLDER_GROUP_LABELS[row.group][locale] })}</li>
          ))}
        </ul>
      ) : null}
      {editDoc && small.length > 0 ? (
        <ul className="participation__warning" data-testid="small-group-warning">
          {small.map((row) => (
            <li key={row.group}>{t('smallGroup', { count: row.present, group: STAKEHOLDER_GROUP_LABELS[row.group][locale] })}</li>
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
                  {editDoc ? (
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
  )
}
