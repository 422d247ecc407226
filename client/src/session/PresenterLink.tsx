import { useState } from 'react'
import { useBoard } from '../board/BoardContext.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { presenterLink } from '../routes.ts'
import { readBoardLinks } from './linkMemory.ts'
import { NewLinkButton } from './NewLinkButton.tsx'
import { SHARE_MESSAGES } from './shareMessages.ts'

/**
 * The way to the presenter view, for facilitators. The projector's address bar is seen by the
 * whole room, so the presenter view opens with the board's observer link (it only reads), never
 * with the facilitator link this page was opened with. When this browser does not know the
 * observer link, it says so and offers to make one (that disconnects only observers who hold the
 * old observer link).
 */
export function PresenterLink(props: { label: string; className?: string }) {
  const t = useCatalog(SHARE_MESSAGES)
  const { info } = useBoard()
  const [observer, setObserver] = useState(() => readBoardLinks(window.localStorage, info.id)?.observer)
  if (observer) {
    return (
      <a className={props.className} href={presenterLink(observer)} target="_blank" rel="noopener" data-testid="presenter-link">
        {props.label}
      </a>
    )
  }
  return (
    <div className="presenter-link-missing">
      <p className="hint">{t('presenterNeedsLink')}</p>
      <NewLinkButton role="observer" label={t('makeObserverLink')} onMade={setObserver} />
    </div>
  )
}
