import { useCallback, useEffect, useRef } from 'react'

/**
 * The AudioContext the timer's chime plays on. Browsers allow sound only after a click or key
 * press on the page, so the context is made (or resumed) in one: `unlock` from a click handler,
 * or — with `unlockOnAnyGesture` — on any click or key press in the page, so that a facilitator
 * who reloaded the board, or only pressed Resume, still hears the chime.
 */
export function useChimeAudio(unlockOnAnyGesture: boolean) {
  const context = useRef<AudioContext>(undefined)
  const unlock = useCallback((): AudioContext | undefined => {
    if (typeof AudioContext === 'undefined') return undefined
    context.current ??= new AudioContext()
    // A suspended context (made before a gesture, or suspended by the system) plays nothing.
    if (context.current.state === 'suspended') context.current.resume().catch(ignore)
    return context.current
  }, [])
  const existing = useCallback(() => context.current, [])
  useEffect(() => {
    if (!unlockOnAnyGesture) return
    const onGesture = () => {
      unlock()
    }
    // Capture phase: tldraw's canvas stops some events from bubbling.
    window.addEventListener('pointerdown', onGesture, true)
    window.addEventListener('keydown', onGesture, true)
    return () => {
      window.removeEventListener('pointerdown', onGesture, true)
      window.removeEventListener('keydown', onGesture, true)
    }
  }, [unlockOnAnyGesture, unlock])
  useEffect(
    () => () => {
      context.current?.close().catch(ignore)
      context.current = undefined
    },
    [],
  )
  return { unlock, existing }
}

// Closing or resuming audio can fail when the page is going away; nothing is lost then.
function ignore(): void {}
