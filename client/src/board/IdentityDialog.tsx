import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { Identity } from '../join/identity.ts'
import { JoinForm } from '../join/JoinForm.tsx'

/** A modal dialog over the board for changing one's name or stakeholder group. */
export function IdentityDialog(props: {
  identity: Identity
  onSave: (identity: Identity) => void
  onClose: () => void
}) {
  const { messages } = useI18n()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return (
    <dialog
      ref={ref}
      className="identity-dialog"
      aria-labelledby="join-title"
      onCancel={(event) => {
        event.preventDefault()
        props.onClose()
      }}
    >
      <JoinForm
        title={messages.changeIdentity(props.identity.name)}
        intro={messages.joinIntro}
        submitLabel={messages.saveIdentity}
        initial={props.identity}
        onSubmit={props.onSave}
        onCancel={props.onClose}
      />
    </dialog>
  )
}
