import { useEffect, useId, useRef, useState } from 'react'
import { useEditor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { useBoard } from '../board/BoardContext.tsx'
import { useBoardZones } from '../board/useBoardZones.ts'
import { useCatalog } from '../i18n/useCatalog.ts'
import { usePublishedBottom } from '../ui/usePublishedBottom.ts'
import { currentIndex, currentStep } from './agenda.ts'
import { isDone, READY_FIELD, tallyReady, type ReadyTally } from './readyCheck.ts'
import { SessionPanel } from './SessionPanel.tsx'
import { SESSION_MESSAGES } from './sessionMessages.ts'
import { SharePanel } from './SharePanel.tsx'
import { TimerDisplay } from './TimerDisplay.tsx'
import { useFocusFollower } from './useFocusFollower.ts'
import { useServerClock } from './useServerClock.ts'
import { useSessionState, useTick } from './useSessionState.ts'
import { noAudio, useTimerEndSound } from './useTimerEndSound.ts'
import { useChimeAudio } from './useChimeAudio.ts'
import './session.css'

/** The ready-check tally of what awareness shows now, kept up to date (facilitators only). */
function useReadyTally(awareness: Awareness, checkId: string | undefined): ReadyTally | undefined {
  const [tally, setTally] = useState<ReadyTally>()
  useEffect(() => {
    if (!checkId) return setTally(undefined)
    const update = () => setTally(tallyReady(awareness.getStates(), checkId))
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness, checkId])
  return tally
}

/** The name of a facilitator on the board (for "… brought you here"), if one is present. */
function facilitatorName(awareness: Awareness): string | undefined {
  for (const [, state] of awareness.getStates()) {
    const user = (state as { user?: { role?: string; name?: string } }).user
    if (user?.role === 'facilitator' && user.name) return user.name
  }
  return undefined
}

/**
 * The running session on the board, in tldraw's in-front layer: a compact chip with the current
 * step and the timer for everyone; for facilitators the session panel and the share panel; for
 * everyone else the ready-check prompt, the "board is frozen" notice, and being moved on summon
 * and spotlight (with "back").
 */
export function SessionLayer() {
  const editor = useEditor()
  const { session: board, info } = useBoard()
  const t = useCatalog(SESSION_MESSAGES)
  const state = useSessionState(board.doc)
  const clock = useServerClock()
  const facilitator = info.role === 'facilitator'
  useTick(state.timer.status === 'running', 250)
  const now = clock.now()
  const [panelOpen, setPanelOpen] = useState(false)
  const [shareOpen, setShareOpen] = useState(false)
  const [infoOpen, setInfoOpen] = useState(false)
  const infoId = useId()
  const infoToggleRef = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  const toggleRef = useRef<HTMLButtonElement>(null)
  // Any click of the facilitator's unlocks sound (also after a reload, or when only Resume was pressed).
  const chime = useChimeAudio(facilitator)
  // Only the facilitator's own screen chimes (a room of phones all chiming is no help), and a
  // presenter view where "Play the timer's sound here" was pressed (PresenterSession).
  useTimerEndSound(state.timer, now, facilitator ? chime.existing : noAudio)
  const tally = useReadyTally(board.awareness, facilitator ? state.readyCheck?.id : undefined)
  const follower = useFocusFollower(editor, state.focus, clock.now, !facilitator)
  const zones = useBoardZones(editor)
  const step = currentStep(state)
  const index = currentIndex(state)

  const closePanel = () => {
    setPanelOpen(false)
    toggleRef.current?.focus()
  }

  const showChip = facilitator || step || state.timer.status !== 'idle'
  // tldraw's style panel (a selected note) goes below the chip instead of over it (session.css).
  const chipRef = usePublishedBottom('--session-chip-bottom')
  return (
    <div className="session-layer">
      {showChip ? (
        <div className="session-chip" data-testid="session-chip" ref={chipRef}>
          {step && !facilitator ? (
            // Participants open the step's instruction from the chip (the facilitator edits it in the panel).
            <button ref={infoToggleRef} type="button" className="session-chip__step session-chip__step--button" aria-expanded={infoOpen} aria-controls={infoId} onClick={() => setInfoOpen(!infoOpen)}>
              <span className="session-chip__count">
                {t('stepOf', { n: index + 1, count: state.steps.length })} <span aria-hidden="true">{infoOpen ? '▴' : '▾'}</span>
              </span>
              <span className="session-chip__title">{step.title}</span>
            </button>
          ) : step ? (
            <span className="session-chip__step">
              <span className="session-chip__count">{t('stepOf', { n: index + 1, count: state.steps.length })}</span>
              <span className="session-chip__title">{step.title}</span>
            </span>
          ) : facilitator ? (
            <span className="session-chip__step session-chip__count">{t('notStarted')}</span>
          ) : null}
          <TimerDisplay timer={state.timer} now={now} />
          {facilitator ? (
            <button
              ref={toggleRef}
              type="button"
              className="session-chip__toggle"
              aria-expanded={panelOpen}
              aria-controls={panelId}
              onClick={() => setPanelOpen(!panelOpen)}
            >
              {t('sessionToggle')}
            </button>
          ) : null}
        </div>
      ) : null}
      {facilitator && panelOpen ? (
        <SessionPanel
          id={panelId}
          editor={editor}
          board={board}
          state={state}
          clock={clock}
          now={now}
          tally={tally}
          audio={chime.unlock}
          onShare={() => setShareOpen(true)}
          onClose={closePanel}
        />
      ) : null}
      {facilitator && shareOpen ? <SharePanel onClose={() => setShareOpen(false)} /> : null}
      {!facilitator ? (
        <div className="session-notices">
          {step && infoOpen ? (
            <section id={infoId} className="session-notice session-step-info" aria-label={t('stepInstructionHeading')} data-testid="step-info">
              <div>
                <h2>
                  {step.title} <span className="session-step-info__minutes">({t('minutesShort', { minutes: step.minutes })})</span>
                </h2>
                {step.instructions ? <p>{step.instructions}</p> : null}
              </div>
              <button
                type="button"
                aria-label={t('closeInstruction')}
                onClick={() => {
                  setInfoOpen(false)
                  infoToggleRef.current?.focus()
                }}
              >
                {t('dismiss')}
              </button>
            </section>
          ) : null}
          {state.frozen ? (
            <p className="session-notice session-notice--frozen" role="status" data-testid="frozen-notice">
              {t('frozenNotice')}
            </p>
          ) : null}
          {info.role === 'participant' && state.readyCheck?.open ? <ReadyPrompt key={state.readyCheck.id} awareness={board.awareness} checkId={state.readyCheck.id} check={state.readyCheck} /> : null}
          {follower.move ? (
            <div className="session-notice" role="status" data-testid="moved-notice">
              <p>
                {follower.move.kind === 'summon'
                  ? t('movedSummon', { name: facilitatorName(board.awareness) ?? t('facilitatorFallback') })
                  : zones.find((zone) => zone.id === follower.move?.zoneId)
                    ? t('movedSpotlight', { name: facilitatorName(board.awareness) ?? t('facilitatorFallback'), zone: zones.find((zone) => zone.id === follower.move?.zoneId)!.label })
                    : t('movedSpotlightArea', { name: facilitatorName(board.awareness) ?? t('facilitatorFallback') })}
              </p>
              <button type="button" aria-label={t('backLabel')} onClick={follower.back}>
                {t('back')}
              </button>
              <button type="button" onClick={follower.dismiss}>
                {t('dismiss')}
              </button>
            </div>
          ) : null}
          {follower.away ? (
            // Stays while the participant is away from the facilitator's focus: one tap brings them back.
            <button type="button" className="session-back-to-facilitator" data-testid="back-to-facilitator" onClick={follower.backToFacilitator}>
              {t('backToFacilitator')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}

/** "Are you done?" with one toggle, answered in this participant's awareness state. */
function ReadyPrompt(props: { awareness: Awareness; checkId: string; check: NonNullable<ReturnType<typeof useSessionState>['readyCheck']> }) {
  const t = useCatalog(SESSION_MESSAGES)
  const [done, setDone] = useState(() => isDone(props.awareness.getLocalState()?.[READY_FIELD], props.check))
  return (
    <div className="session-notice session-notice--ready" data-testid="ready-prompt">
      <p>{done ? t('readyThanks') : t('readyPrompt')}</p>
      <button
        type="button"
        aria-pressed={done}
        onClick={() => {
          const next = !done
          props.awareness.setLocalStateField(READY_FIELD, { checkId: props.checkId, done: next })
          setDone(next)
        }}
      >
        {t('readyDone')}
      </button>
    </div>
  )
}
