import { TimedNotice } from '../ui/TimedNotice.tsx'
import { useProtectionMessages } from './protectionMessages.ts'

/** Says why the board was just loaded again: the server refused a change made here. */
export function ChangeRefusedNotice(props: { onDismiss: () => void }) {
  const t = useProtectionMessages()
  return <TimedNotice message={t.changeRefused} dismissLabel={t.dismiss} onDismiss={props.onDismiss} durationMs={15_000} role="alert" testId="change-refused" />
}

/** Says, for a few seconds, that only one's own notes can be deleted on this board. */
export function DeleteRefusedNotice(props: { onDismiss: () => void }) {
  const t = useProtectionMessages()
  return <TimedNotice message={t.ownNotesOnly} dismissLabel={t.dismiss} onDismiss={props.onDismiss} durationMs={6_000} role="status" testId="delete-refused" />
}
