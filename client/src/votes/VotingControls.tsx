import { useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { useEditor } from 'tldraw'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import type { VoteProgress } from '../../../shared/api/votes.ts'
import { formatRemaining, readSession } from '../../../shared/session/sessionState.ts'
import { voteConfigSchema, type VoteRecord } from '../../../shared/voting/voting.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardZones } from '../board/useBoardZones.ts'
import { noteZones } from '../board/zoneNavigation.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { currentStep } from '../session/agenda.ts'
import { noteLabel } from './NoteVoting.tsx'
import { VOTE_MESSAGES } from './voteMessages.ts'
import { closeVote, fetchProgress, startVote } from './votesApi.ts'
import { useVoting } from './VotingContext.tsx'

/**
 * Dot voting on the board: the facilitator starts a vote (a small form), follows how many have
 * voted and closes it; participants see how many dots they have left; everyone gets the results
 * list once it is closed.
 */
export function VotingControls() {
  const voting = useVoting()
  const { info } = useBoard()
  const t = useCatalog(VOTE_MESSAGES)
  const [panel, setPanel] = useState<'start' | 'results' | undefined>()
  const [problem, setProblem] = useState<string>()
  const progress = useProgress(voting?.vote, info.role === 'facilitator')
  if (!voting?.caller) return null
  const { vote } = voting
  const caller = voting.caller
  const facilitator = info.role === 'facilitator'
  const open = vote?.status === 'open'

  const close = async () => {
    if (!vote) return
    setProblem(undefined)
    try {
      await closeVote(caller, vote.id)
      setPanel('results')
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <div className="every-voice__part" role="group" aria-label={t('heading')}>
      {open && voting.canVote ? (
        <span className="every-voice__status" role="status" data-testid="dots-left">
          {t('dotsLeft', { left: voting.left, total: vote.config.perPerson })}
        </span>
      ) : null}
      {open && vote.endsAt !== null ? <Countdown endsAt={vote.endsAt} /> : null}
      {facilitator && open ? (
        <>
          <span className="every-voice__counts" data-testid="vote-progress">
            {t('progress', { voters: progress?.voters ?? 0, dots: progress?.dots ?? 0 })}
          </span>
          <button type="button" className="button--primary" onClick={close}>
            {t('close')}
          </button>
        </>
      ) : null}
      {facilitator && !open ? (
        <button type="button" aria-expanded={panel === 'start'} onClick={() => setPanel(panel === 'start' ? undefined : 'start')}>
          {t('start')}
        </button>
      ) : null}
      {vote?.status === 'closed' ? (
        <button type="button" aria-expanded={panel === 'results'} onClick={() => setPanel(panel === 'results' ? undefined : 'results')}>
          {t('results')}
        </button>
      ) : null}
      {voting.problem || problem ? (
        <span className="every-voice__problem" role="alert">
          {problem ?? voting.problem}
        </span>
      ) : null}
      {panel === 'start' && facilitator && !open ? (
        <StartVoteForm
          onStart={async (config) => {
            setProblem(undefined)
            try {
              await startVote(caller, config)
              setPanel(undefined)
            } catch (error) {
              setProblem((error as Error).message)
            }
          }}
          onCancel={() => setPanel(undefined)}
        />
      ) : null}
      {panel === 'results' && vote?.status === 'closed' ? <ResultsList vote={vote} onClose={() => setPanel(undefined)} /> : null}
    </div>
  )
}

/** "Closes in 4:59" for a vote with a duration (the server closes it on time by itself). */
function Countdown(props: { endsAt: number }) {
  const t = useCatalog(VOTE_MESSAGES)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  return <span className="every-voice__counts">{t('closesIn', { time: formatRemaining(props.endsAt - now) })}</span>
}

/** The facilitator's view of a running vote: polled every two seconds (counts only). */
function useProgress(vote: VoteRecord | undefined, facilitator: boolean): VoteProgress | undefined {
  const voting = useVoting()
  const [progress, setProgress] = useState<VoteProgress>()
  const caller = voting?.caller
  const id = vote?.status === 'open' ? vote.id : undefined
  useEffect(() => {
    setProgress(undefined)
    if (!facilitator || !id || !caller) return
    let current = true
    const poll = () => fetchProgress(caller, id).then((p) => current && setProgress(p), () => undefined)
    void poll()
    const timer = setInterval(poll, 2_000)
    return () => {
      current = false
      clearInterval(timer)
    }
  }, [facilitator, id, caller])
  return progress
}

/** The current agenda step, when it is a dot vote. */
function dotVoteStep(session: ReturnType<typeof readSession>) {
  const step = currentStep(session)
  return step?.activity === 'dot-vote' ? step : undefined
}

function StartVoteForm(props: { onStart: (config: ReturnType<typeof voteConfigSchema.parse>) => void; onCancel: () => void }) {
  const t = useCatalog(VOTE_MESSAGES)
  const editor = useEditor()
  const { session } = useBoard()
  const zones = noteZones(useBoardZones(editor))
  const ids = { perPerson: useId(), perNote: useId(), minutes: useId(), byGroup: useId(), title: useId() }
  // On a dot-vote step of the agenda the form starts from that step: its zones and its minutes.
  const [step] = useState(() => dotVoteStep(readSession(session.doc)))
  const [perPerson, setPerPerson] = useState(5)
  const [perNote, setPerNote] = useState(3)
  const [minutes, setMinutes] = useState(step && step.minutes > 0 ? String(step.minutes) : '')
  const [byGroup, setByGroup] = useState(true)
  const [chosen, setChosen] = useState<string[]>(() => (step ? step.zones.filter((id) => zones.some((zone) => zone.id === id)) : []))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = voteConfigSchema.safeParse({
      perPerson,
      perNote: Math.min(perNote, perPerson),
      minutes: minutes.trim() === '' ? null : Number(minutes),
      byGroup,
      zones: chosen,
    })
    if (parsed.success) props.onStart(parsed.data)
  }

  return (
    <form className="every-voice__panel" aria-labelledby={ids.title} onSubmit={submit}>
      <h2 id={ids.title}>{t('startHeading')}</h2>
      <label htmlFor={ids.perPerson}>{t('perPerson')}</label>
      <input id={ids.perPerson} type="number" min={1} max={50} value={perPerson} onChange={(e) => setPerPerson(Number(e.target.value) || 1)} />
      <label htmlFor={ids.perNote}>{t('perNote')}</label>
      <input id={ids.perNote} type="number" min={1} max={50} value={perNote} onChange={(e) => setPerNote(Number(e.target.value) || 1)} />
      <label htmlFor={ids.minutes}>{t('minutes')}</label>
      <input id={ids.minutes} type="number" min={1} max={1440} value={minutes} placeholder={t('minutesNone')} onChange={(e) => setMinutes(e.target.value)} />
      <label className="every-voice__check">
        <input id={ids.byGroup} type="checkbox" checked={byGroup} onChange={(e) => setByGroup(e.target.checked)} />
        {t('byGroup')}
      </label>
      {zones.length > 0 ? (
        <fieldset>
          <legend>{t('zones')}</legend>
          {zones.map((zone) => (
            <label key={zone.id} className="every-voice__check">
              <input
                type="checkbox"
                checked={chosen.includes(zone.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, zone.id] : chosen.filter((id) => id !== zone.id))}
              />
              {zone.label}
            </label>
          ))}
          <p className="hint">{t('zonesHint')}</p>
        </fieldset>
      ) : null}
      <div className="actions">
        <button type="submit" className="button--primary">
          {t('startSubmit')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}

/** The results of a closed vote: per zone, its notes with most dots first, and the groups' figures. */
function ResultsList(props: { vote: VoteRecord; onClose: () => void }) {
  const t = useCatalog(VOTE_MESSAGES)
  const { locale } = useI18n()
  const editor = useEditor()
  const zones = useBoardZones(editor)
  const titleId = useId()
  const results = props.vote.results
  const label = useMemo(() => new Map(zones.map((zone) => [zone.id, zone.label])), [zones])
  if (!results) return null
  const groups = Object.entries(results.votersByGroup) as [StakeholderGroup, number | null][]
  const merged = new Set(results.mergedGroups ?? [])
  return (
    <section className="every-voice__panel" aria-labelledby={titleId} data-testid="vote-results">
      <h2 id={titleId}>{t('resultsHeading')}</h2>
      {results.dots === null ? <p>{t('withheld')}</p> : <p>{t('summary', { voters: results.voters, dots: results.dots })}</p>}
      {groups.length > 0 ? (
        <p className="hint">
          {groups
            .map(([group, n]) => {
              const figure = n === null ? t('hiddenGroup') : merged.has(group) ? t('mergedGroup', { count: n }) : t('voters', { count: n })
              return `${STAKEHOLDER_GROUP_LABELS[group][locale]}: ${figure}`
            })
            .join(' · ')}
        </p>
      ) : null}
      {Object.entries(results.ranked).map(([zone, noteIds]) => (
        <section key={zone}>
          <h3>{zone === '' ? t('outsideZones') : (label.get(zone) ?? zone)}</h3>
          <ol>
            {noteIds.map((id) => {
              const shape = editor.getShape(id as never)
              return (
                <li key={id}>
                  {shape?.type === 'note' ? noteLabel(shape as never) || t('emptyNote') : t('emptyNote')} — {t('noteTotal', { count: results.notes[id]?.total ?? 0 })}
                </li>
              )
            })}
          </ol>
        </section>
      ))}
      <button type="button" onClick={props.onClose}>
        {t('hideResults')}
      </button>
    </section>
  )
}
