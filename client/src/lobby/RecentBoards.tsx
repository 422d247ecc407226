import { useState } from 'react'
import { formatDate } from '../../../shared/i18n/translator.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { SESSION_MESSAGES } from '../session/sessionMessages.ts'
import { forgetRecentBoard, readRecentBoards } from './recentBoards.ts'
import './recentBoards.css'

/** The lobby's list of boards this browser created or opened (recentBoards.ts), each with "forget". */
export function RecentBoards() {
  const { messages, locale } = useI18n()
  const t = useCatalog(SESSION_MESSAGES)
  const [boards, setBoards] = useState(() => readRecentBoards(window.localStorage))
  const [status, setStatus] = useState('')
  if (boards.length === 0 && !status) return null
  return (
    <section className="panel recent-boards" aria-labelledby="recent-boards-title">
      <h2 id="recent-boards-title" tabIndex={-1}>{t('recentBoardsHeading')}</h2>
      <p className="hint">{t('recentBoardsIntro')}</p>
      <ul className="recent-boards__list">
        {boards.map((board) => {
          const title = board.title || messages.untitledBoard
          return (
            <li key={`${board.id}:${board.role}`} className="recent-boards__item">
              <div className="recent-boards__text">
                <a href={board.link} className="recent-boards__open">
                  {title}
                </a>
                <span className="hint">
                  {t('recentYourRole', { role: messages.roleName[board.role] })} · {t('recentLastOpened', { when: formatDate(locale, board.lastOpened, { dateStyle: 'medium', timeStyle: 'short' }) })}
                </span>
              </div>
              <button
                type="button"
                aria-label={t('forgetBoardNamed', { title })}
                onClick={() => {
                  setBoards(forgetRecentBoard(window.localStorage, board.id, board.role))
                  setStatus(t('boardForgotten', { title }))
                  document.getElementById('recent-boards-title')?.focus()
                }}
              >
                {t('forgetBoard')}
              </button>
            </li>
          )
        })}
      </ul>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  )
}
