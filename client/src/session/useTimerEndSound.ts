import { useEffect, useRef } from 'react'
import { timerRemainingMs, type TimerState } from '../../../shared/session/sessionState.ts'
import { playChime, timerJustEnded } from './timerSound.ts'

/**
 * Plays the gentle chime once when a running timer with `sound` on reaches zero on this screen.
 * `audio()` gives the AudioContext (created on a click, where browsers allow sound).
 */
export function useTimerEndSound(timer: TimerState, now: number, audio: () => AudioContext | undefined): void {
  const previous = useRef<{ endsAt: number; remainingMs: number }>(undefined)
  useEffect(() => {
    const current = timer.status === 'running' ? { endsAt: timer.endsAt, remainingMs: timerRemainingMs(timer, now) } : undefined
    if (timer.status === 'running' && timer.sound && timerJustEnded(previous.current, current)) {
      const context = audio()
      // A context that cannot resume (no gesture yet on this page) stays silent; nothing to report.
      if (context) context.resume().then(() => playChime(context), () => undefined)
    }
    previous.current = current
  }, [timer, now, audio])
}

/** No sound on this screen (participants' phones). */
export const noAudio = (): AudioContext | undefined => undefined
