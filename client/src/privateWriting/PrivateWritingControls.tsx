import { useEffect, useId, useMemo, useState } from 'react'
import { useEditor } from 'tldraw'
import { readBoardSettings } from '../../../shared/boardDoc.ts'
import { canEditDocument } from '../../../shared/roles.ts'
import { isFrozen, readSession, SESSION_ROOT, writeSession } from '../../../shared/session/sessionState.ts'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { draftCountsByGroup } from './drafts.ts'
import { DraftStore } from './DraftStore.ts'
import { draftsIn, keepDrafts, publishDrafts } from './keepDrafts.ts'
import { useServerClock } from '../session/useServerClock.ts'
import { useSessionState, useTick } from '../session/useSessionState.ts'
import { PRIVATE_WRITING_MESSAGES } from './privateWritingMessages.ts'
import { revealAll, silentWritingStep, startPrivateWriting, writingTimeIsUp } from './stepWriting.ts'

/**
 * Silent writing: for the facilitator "Start private writing" and "Reveal all" (with the drafts
 * each group holds); for everyone with drafts "Publish my notes". Keeps this device's drafts.
 */
export function PrivateWritingControls() {
  const editor = useEditor()
  const { session, info } = useBoard()
  const t = useCatalog(PRIVATE_WRITING_MESSAGES)
  const { locale } = useI18n()
  const [phase, setPhase] = useState(() => readSession(session.doc).privateWriting)
  const [frozen, setFrozen] = useState(() => isFrozen(session.doc))
  const [own, setOwn] = useState(0)
  const [others, setOthers] = useState<ReturnType<typeof draftCountsByGroup>>({})
  const facilitator = info.role === 'facilitator'
  const store = useMemo(() => new DraftStore(info.id, window.indexedDB), [info.id])

  useEffect(() => {
    const map = session.doc.getMap(SESSION_ROOT)
    const update = () => {
      setPhase(readSession(session.doc).privateWriting)
      setFrozen(isFrozen(session.doc))
    }
    map.observe(update)
    const stopKeeping = keepDrafts(editor, {
      store,
      phase: () => readSession(session.doc).privateWriting,
      onPhaseChange: (listener) => {
        map.observe(listener)
        return () => map.unobserve(listener)
      },
      canEdit: canEditDocument(info.role),
      canPublish: () => canEditDocument(info.role) && (info.role === 'facilitator' || !isFrozen(session.doc)),
      anonymous: () => readBoardSettings(session.doc).anonymous,
      onCount: (count) => {
        setOwn(count)
        // Others see how many drafts this device holds, never what they say.
        session.awareness.setLocalStateField('drafts', count)
      },
    })
    return () => {
      map.unobserve(update)
      stopKeeping()
      store.close()
    }
  }, [editor, session, store, info.role])

  useEffect(() => {
    if (!facilitator) return
    const update = () => setOthers(draftCountsByGroup(session.awareness.getStates().values()))
    update()
    session.awareness.on('change', update)
    return () => session.awareness.off('change', update)
  }, [facilitator, session])

  const groups = Object.entries(others) as [StakeholderGroup, { drafts: number; people: number }][]
  return (
    <div className="every-voice__part" role="group" aria-label={t('heading')}>
      {phase.active ? (
        <span className="every-voice__status" role="status">
          {t('phaseOn')}
        </span>
      ) : null}
      {facilitator ? <PhaseControls /> : null}
      {facilitator && groups.length > 0 ? (
        <span className="every-voice__counts" data-testid="draft-counts">
          {groups.map(([group, c]) => t('groupDrafts', { group: STAKEHOLDER_GROUP_LABELS[group][locale], drafts: c.drafts, people: c.people })).join(' · ')}
        </span>
      ) : null}
      {own > 0 ? (
        <button type="button" disabled={frozen && !facilitator} onClick={() => publishDrafts(editor, draftsIn(editor), readBoardSettings(session.doc).anonymous)}>
          {t('publishMine', { count: own })}
        </button>
      ) : null}
    </div>
  )
}

/**
 * The facilitator's "Start private writing" — on a silent-writing step of the agenda, for that
 * step with its minutes on the timer — and "Reveal all", with a word when the time is up.
 */
function PhaseControls() {
  const { session } = useBoard()
  const t = useCatalog(PRIVATE_WRITING_MESSAGES)
  const state = useSessionState(session.doc)
  const clock = useServerClock()
  const hintId = useId()
  const running = state.privateWriting.active && state.timer.status === 'running'
  useTick(running, 1_000)
  const step = silentWritingStep(state)
  if (!state.privateWriting.active) {
    const forStep = step && step.minutes > 0
    return (
      <>
        <button
          type="button"
          aria-describedby={forStep ? hintId : undefined}
          onClick={() => writeSession(session.doc, startPrivateWriting(readSession(session.doc), clock.now()))}
        >
          {t('start')}
        </button>
        {forStep ? (
          <span id={hintId} className="every-voice__counts" data-testid="writing-step">
            {t('forStep', { step: step.title, minutes: step.minutes })}
          </span>
        ) : null}
      </>
    )
  }
  return (
    <>
      {writingTimeIsUp(state, clock.now()) ? (
        <span className="every-voice__status" role="status" data-testid="writing-time-up">
          {t('timeUp')}
        </span>
      ) : null}
      <button type="button" className="button--primary" onClick={() => writeSession(session.doc, revealAll(readSession(session.doc)))}>
        {t('revealAll')}
      </button>
    </>
  )
}
