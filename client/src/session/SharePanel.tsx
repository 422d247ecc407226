import { useEffect, useId, useRef, useState } from 'react'
import type { Role } from '../../../shared/roles.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { LinkCard } from '../lobby/LinkCard.tsx'
import { LinkQrCode } from '../lobby/LinkQrCode.tsx'
import { parseRoute } from '../routes.ts'
import { readBoardLinks, rememberLink } from './linkMemory.ts'
import { makeNewLink } from './shareApi.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'

/** The link this page was opened with: the facilitator's own (it holds the token). */
function ownLink(): string {
  return `${window.location.origin}${window.location.pathname}${window.location.hash}`
}

function ownToken(): string {
  const route = parseRoute(window.location)
  return route.page === 'board' ? (route.token ?? '') : ''
}

/**
 * The share panel on the board (facilitators): the participant and observer links with QR codes,
 * and a projector-safe view that shows only the participant link's QR code, large — never the
 * facilitator link. Links of boards created in this browser are remembered (linkMemory.ts); for
 * others a new link can be made (the old one then stops working).
 */
export function SharePanel(props: { onClose: () => void }) {
  const t = useCatalog(SESSION_MESSAGES)
  const { messages } = useI18n()
  const { info } = useBoard()
  const titleId = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [links, setLinks] = useState(() => readBoardLinks(window.localStorage, info.id) ?? {})
  const [projector, setProjector] = useState(false)
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState<Role>()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const makeNew = async (role: Role) => {
    setBusy(role)
    setFailed(false)
    try {
      const link = await makeNewLink(info.id, role, ownToken())
      rememberLink(window.localStorage, info.id, role, link)
      setLinks((current) => ({ ...current, [role]: link }))
    } catch {
      setFailed(true)
    } finally {
      setBusy(undefined)
    }
  }

  const unknown = (role: Role) => (
    <li className="link-card share-panel__unknown" data-role={role}>
      <div className="link-card__text">
        <h3>{messages.roleName[role]}</h3>
        <p className="hint">{t('linkUnknown')}</p>
        <button type="button" disabled={busy !== undefined} onClick={() => void makeNew(role)}>
          {t('makeNewLink')}
        </button>
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
          <button type="button" onClick={() => setProjector(false)}>
            {t('leaveProjectorSafe')}
          </button>
        </div>
      ) : (
        <>
          <div className="session-panel__head">
            <h2 id={titleId}>{t('shareTitle')}</h2>
            <button type="button" onClick={() => dialogRef.current?.close()}>
              {t('dismiss')}
            </button>
          </div>
          <p>{t('shareIntro')}</p>
          <button type="button" className="button--primary" onClick={() => setProjector(true)}>
            {t('projectorSafe')}
          </button>
          <p className="hint">{t('projectorSafeHint')}</p>
          {failed ? <p role="alert">{t('newLinkFailed')}</p> : null}
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
