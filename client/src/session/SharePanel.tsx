import { useEffect, useId, useRef, useState } from 'react'
import type { Role } from '../../../shared/roles.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { LinkCard } from '../lobby/LinkCard.tsx'
import { LinkQrCode } from '../lobby/LinkQrCode.tsx'
import { readBoardLinks } from './linkMemory.ts'
import { NewLinkButton } from './NewLinkButton.tsx'
import { SESSION_MESSAGES } from './sessionMessages.ts'
import { SHARE_MESSAGES } from './shareMessages.ts'

/** The link this page was opened with: the facilitator's own (it holds the token). */
function ownLink(): string {
  return `${window.location.origin}${window.location.pathname}${window.location.hash}`
}

// Fullscreen may be refused (no user gesture, an iframe, a browser setting): the view still works.
function ignore(): void {}

/**
 * The share panel on the board (facilitators): the participant and observer links with QR codes,
 * and a projector-safe view that shows only the participant link's QR code, large, on the whole
 * screen — never the facilitator link, and (fullscreen) not the address bar, which holds it.
 * Links of boards created in this browser are remembered (linkMemory.ts); for others a new link
 * can be made, after a warning that the old one stops working (NewLinkButton).
 */
export function SharePanel(props: { onClose: () => void }) {
  const t = useCatalog(SHARE_MESSAGES)
  const s = useCatalog(SESSION_MESSAGES)
  const { messages } = useI18n()
  const { info } = useBoard()
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [links, setLinks] = useState(() => readBoardLinks(window.localStorage, info.id) ?? {})
  const [projector, setProjector] = useState(false)
  const [made, setMade] = useState(false)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(ignore)
    }
  }, [])

  const showProjector = (on: boolean) => {
    setProjector(on)
    // Called from the click itself: browsers allow fullscreen only in a user gesture. The page
    // goes fullscreen, not the dialog (Chromium refuses dialogs); the modal dialog stays on top.
    if (on) document.documentElement.requestFullscreen?.().catch(ignore)
    else if (document.fullscreenElement) document.exitFullscreen().catch(ignore)
  }

  const unknown = (role: Exclude<Role, 'facilitator'>) => (
    <li className="link-card share-panel__unknown" data-role={role}>
      <div className="link-card__text">
        <h3>{messages.roleName[role]}</h3>
        <p className="hint">{t('linkUnknown')}</p>
        <NewLinkButton
          role={role}
          onMade={(link) => {
            setLinks((current) => ({ ...current, [role]: link }))
            setMade(true)
          }}
        />
      </div>
    </li>
  )

  const title = info.title || messages.untitledBoard
  return (
    <dialog
      ref={dialogRef}
      className={`share-panel${projector ? ' share-panel--projector' : ''}`}
      aria-labelledby={titleId}
      data-testid="share-panel"
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      {projector ? (
        <div className="share-panel__projector">
          <h2 id={titleId}>{t('projectorJoin', { title })}</h2>
          {links.participant ? (
            <LinkQrCode link={links.participant} alt={messages.qrAlt(messages.roleName.participant)} size={480} />
          ) : (
            <p>{t('linkUnknown')}</p>
          )}
          <button type="button" onClick={() => showProjector(false)}>
            {t('leaveProjectorSafe')}
          </button>
        </div>
      ) : (
        <>
          <div className="session-panel__head">
            <h2 id={titleId}>{t('shareTitle')}</h2>
            <button type="button" onClick={() => dialogRef.current?.close()}>
              {s('dismiss')}
            </button>
          </div>
          <p>{t('shareIntro')}</p>
          <button type="button" className="button--primary" onClick={() => showProjector(true)}>
            {t('projectorSafe')}
          </button>
          <p className="hint">{t('projectorSafeHint')}</p>
          <p role="status" className="hint">
            {made ? t('newLinkMade') : ''}
          </p>
          <ul className="link-list">
            {links.participant ? <LinkCard role="participant" link={links.participant} idPrefix="share-link" /> : unknown('participant')}
            {links.observer ? <LinkCard role="observer" link={links.observer} idPrefix="share-link" /> : unknown('observer')}
            <LinkCard role="facilitator" link={ownLink()} idPrefix="share-link" />
          </ul>
        </>
      )}
    </dialog>
  )
}
