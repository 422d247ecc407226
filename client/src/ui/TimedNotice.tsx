import { useEffect } from 'react'

/**
 * A message at the bottom of the board that goes away by itself after `durationMs`, or when the
 * user dismisses it. `alert` for something that went wrong, `status` for information.
 */
export function TimedNotice(props: {
  message: string
  dismissLabel: string
  onDismiss: () => void
  durationMs: number
  role: 'alert' | 'status'
  testId: string
}) {
  const { onDismiss, durationMs } = props
  useEffect(() => {
    const timer = setTimeout(onDismiss, durationMs)
    return () => clearTimeout(timer)
  }, [onDismiss, durationMs])
  return (
    <div className={`banner banner--bottom${props.role === 'alert' ? ' banner--error' : ''}`} role={props.role} data-testid={props.testId}>
      <p>{props.message}</p>
      <button type="button" onClick={onDismiss}>
        {props.dismissLabel}
      </button>
    </div>
  )
}
