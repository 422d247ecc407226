import { useId, useState } from 'react'
import { createUserId, useEditor, useValue } from 'tldraw'
import { STAKEHOLDER_GROUP_COLOURS, STAKEHOLDER_GROUP_LABELS } from '../../../shared/stakeholderGroups.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useBoard } from './BoardContext.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { SESSION_MESSAGES } from '../session/sessionMessages.ts'
import { groupParticipants, withoutObservers } from './participants.ts'
import { useParticipants } from './useParticipants.ts'

/**
 * Who is on the board, grouped by stakeholder group, with a button to follow each person's
 * viewport. Collapsed behind a toggle so it does not cover the canvas on a phone.
 */
export function ParticipantList() {
  const { session } = useBoard()
  const { messages, locale } = useI18n()
  const editor = useEditor()
  const participants = useParticipants(session.awareness)
  const t = useCatalog(SESSION_MESSAGES)
  const { people, observers } = withoutObservers(participants)
  const grouped = groupParticipants(people)
  const count = grouped.reduce((sum, entry) => sum + entry.members.length, 0)
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const followingUserId = useValue('following', () => editor.getInstanceState().followingUserId, [editor])

  return (
    <div className="participants">
      <button
        type="button"
        className="participants__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <svg className="participants__icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="9" cy="8" r="3.5" />
          <path d="M2.5 20c0-3.6 2.9-6.5 6.5-6.5s6.5 2.9 6.5 6.5z" />
          <circle cx="17" cy="9" r="2.8" />
          <path d="M15.2 14.1A5.6 5.6 0 0 1 21.5 20h-4.3" />
        </svg>
        <span className="participants__label">{messages.peopleShort}</span> <span className="participants__count">({count})</span>
      </button>
      <div id={panelId} className="participants__panel" hidden={!open} role="region" aria-label={messages.participantsTitle}>
        {count <= 1 ? <p className="hint">{messages.nobodyElse}</p> : null}
        {observers > 0 ? <p className="hint" data-testid="observer-count">{t('observerCount', { count: observers })}</p> : null}
        {grouped.map(({ group, members }) => (
          <section key={group} className="participants__group">
            <h2 className="participants__group-title">
              <span className="swatch" aria-hidden="true" style={{ backgroundColor: STAKEHOLDER_GROUP_COLOURS[group] }} />
              {STAKEHOLDER_GROUP_LABELS[group][locale]}
            </h2>
            <ul>
              {members.map((member) => {
                const tlUserId = createUserId(member.userId)
                const following = followingUserId === tlUserId
                return (
                  <li key={member.userId} data-user-id={member.userId}>
                    <span className="participants__name">
                      {member.name}
                      {member.isSelf ? ` (${messages.you})` : ''}
                      {member.role === 'facilitator' ? <span className="participants__role"> · {t('facilitatorBadge')}</span> : null}
                    </span>
                    {member.isSelf ? null : (
                      <button
                        type="button"
                        aria-pressed={following}
                        onClick={() =>
                          following ? editor.stopFollowingUser() : editor.startFollowingUser(tlUserId)
                        }
                      >
                        {following ? messages.stopFollowing : messages.follow(member.name)}
                      </button>
                    )}
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  )
}
