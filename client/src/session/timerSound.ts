/*
 * The gentle sound at the end of the timer: three soft sine tones made with WebAudio (no audio
 * file is fetched). Browsers only play sound after the user has interacted with the page, which a
 * facilitator starting the timer has.
 */

/** Plays the end-of-timer chime on an AudioContext; resolves when it is scheduled. */
export function playChime(context: AudioContext): void {
  const start = context.currentTime + 0.05
  const notes = [659.25, 523.25, 783.99]
  notes.forEach((frequency, i) => {
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    const at = start + i * 0.35
    gain.gain.setValueAtTime(0, at)
    gain.gain.linearRampToValueAtTime(0.18, at + 0.04)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(at)
    oscillator.stop(at + 1.25)
  })
}

/**
 * Whether the timer has just run out: it was running with time left at the previous tick and has
 * none now, for the same end time (so a reload after the end plays nothing).
 */
export function timerJustEnded(previous: { endsAt: number; remainingMs: number } | undefined, current: { endsAt: number; remainingMs: number } | undefined): boolean {
  if (!previous || !current) return false
  return previous.endsAt === current.endsAt && previous.remainingMs > 0 && current.remainingMs === 0
}
