import { useEffect, useRef } from 'react'
import { ROLES } from '../../../shared/roles.ts'
import type { CreatedBoard } from '../api/apiTypes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { LinkCard } from './LinkCard.tsx'

/** The three links of a new board, each with a copy button and a QR code. */
export function BoardLinks(props: { board: CreatedBoard; onCreateAnother: () => void }) {
  const { messages } = useI18n()
  const headingRef = useRef<HTMLHeadingElement>(null)
  // Move focus to the result so keyboard and screen-reader users land on what just appeared.
  useEffect(() => headingRef.current?.focus(), [])
  const title = props.board.title || messages.untitledBoard
  return (
    <section className="panel" aria-labelledby="board-links-title">
      <h2 id="board-links-title" ref={headingRef} tabIndex={-1}>
        {messages.linksTitle(title)}
      </h2>
      <p>{messages.linksIntro}</p>
      <ul className="link-list">
        {ROLES.map((role) => (
          <LinkCard key={role} role={role} link={props.board.links[role]} />
        ))}
      </ul>
      <div className="actions">
        <a className="button button--primary" href={props.board.links.facilitator}>
          {messages.openBoard}
        </a>
        <button type="button" onClick={props.onCreateAnother}>
          {messages.createAnother}
        </button>
      </div>
    </section>
  )
}
