import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import {
  STAKEHOLDER_GROUP_COLOURS,
  STAKEHOLDER_GROUP_LABELS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '../../../shared/stakeholderGroups.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { PARTICIPATION_MESSAGES } from '../participation/participationMessages.ts'
import { MAX_DISPLAY_NAME_LENGTH, makeIdentity, randomUserId, type Identity } from './identity.ts'

/**
 * Asks for a display name and a stakeholder group: on first joining a board, and again whenever
 * the user wants to change them (then with a cancel button).
 */
export function JoinForm(props: {
  title: string
  intro: string
  submitLabel: string
  initial: Identity | undefined
  onSubmit: (identity: Identity) => void
  onCancel?: () => void
  /** An anonymous board: only the stakeholder group is asked (issue 11), and what is kept is said. */
  anonymous?: boolean
}) {
  const { messages, locale } = useI18n()
  const p = useCatalog(PARTICIPATION_MESSAGES)
  const anonymous = props.anonymous === true
  const ids = { name: useId(), nameHint: useId(), nameError: useId(), groupHint: useId(), groupError: useId() }
  const [name, setName] = useState(props.initial?.name ?? '')
  const [group, setGroup] = useState<StakeholderGroup | undefined>(props.initial?.group)
  const [showErrors, setShowErrors] = useState(false)
  const nameRef = useRef<HTMLInputElement>(null)
  const groupRef = useRef<HTMLInputElement>(null)
  useEffect(() => (anonymous ? groupRef : nameRef).current?.focus(), [anonymous])

  const nameMissing = !anonymous && name.trim() === ''
  const groupMissing = group === undefined

  function submit(event: FormEvent) {
    event.preventDefault()
    if (nameMissing || groupMissing) {
      setShowErrors(true)
      ;(nameMissing ? nameRef : groupRef).current?.focus()
      return
    }
    // On an anonymous board the "name" is the group's label, and it stays on this device.
    const shownName = anonymous && name.trim() === '' ? STAKEHOLDER_GROUP_LABELS[group][locale] : name
    props.onSubmit(makeIdentity({ name: shownName, group }, props.initial?.id, randomUserId))
  }

  return (
    <form className="panel form join-form" onSubmit={submit} noValidate aria-labelledby="join-title">
      <h1 id="join-title">{props.title}</h1>
      {/* The usual intro speaks of names; an anonymous board says what it keeps instead. */}
      {anonymous ? null : <p>{props.intro}</p>}
      {anonymous ? (
        <p className="notice" data-testid="anonymous-notice">
          <strong>{p('anonymousIntro')}.</strong> {p('anonymousNotice')}
        </p>
      ) : null}
      {anonymous ? null : (
      <div className="field">
        <label htmlFor={ids.name}>{messages.displayNameLabel}</label>
        <input
          id={ids.name}
          ref={nameRef}
          type="text"
          autoComplete="nickname"
          value={name}
          maxLength={MAX_DISPLAY_NAME_LENGTH}
          required
          aria-invalid={showErrors && nameMissing}
          aria-describedby={showErrors && nameMissing ? `${ids.nameHint} ${ids.nameError}` : ids.nameHint}
          onChange={(event) => setName(event.target.value)}
        />
        <p id={ids.nameHint} className="hint">
          {messages.displayNameHint}
        </p>
        {showErrors && nameMissing ? (
          <p id={ids.nameError} className="error">
            {messages.nameMissing}
          </p>
        ) : null}
      </div>
      )}
      <fieldset
        className="field group-choice"
        aria-describedby={showErrors && groupMissing ? `${ids.groupHint} ${ids.groupError}` : ids.groupHint}
      >
        <legend>{messages.groupLegend}</legend>
        <p id={ids.groupHint} className="hint">
          {messages.groupHint}
        </p>
        {STAKEHOLDER_GROUPS.map((option, index) => (
          <label key={option} className="group-choice__option">
            <input
              ref={index === 0 ? groupRef : undefined}
              type="radio"
              name="stakeholder-group"
              value={option}
              checked={group === option}
              required
              aria-invalid={showErrors && groupMissing}
              onChange={() => setGroup(option)}
            />
            <span
              className="swatch"
              aria-hidden="true"
              style={{ backgroundColor: STAKEHOLDER_GROUP_COLOURS[option] }}
            />
            {STAKEHOLDER_GROUP_LABELS[option][locale]}
          </label>
        ))}
        {showErrors && groupMissing ? (
          <p id={ids.groupError} className="error">
            {messages.groupMissing}
          </p>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button--primary">
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" onClick={props.onCancel}>
            {messages.cancel}
          </button>
        ) : null}
      </div>
    </form>
  )
}
