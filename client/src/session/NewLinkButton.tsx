import { useEffect, useId, useRef, useState } from 'react'
import type { Role } from '../../../shared/roles.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { parseRoute } from '../routes.ts'
import { rememberLink } from './linkMemory.ts'
import { makeNewLink } from './shareApi.ts'
import { SESSION_MESSAGES } from './sessionMessages.ts'
import { SHARE_MESSAGES } from './shareMessages.ts'

// The facilitator's token, from the fragment of the address this page was opened with.
function ownToken(): string {
  const route = parseRoute(window.location)
  return route.page === 'board' ? (route.token ?? '') : ''
}

/**
 * "Make a new link" for a role whose link this browser does not know. The server keeps only a
 * hash of each token, so the old link cannot be shown again: a new one replaces it, and everyone
 * who joined with the old one is disconnected. The button therefore first says so and asks to
 * confirm; the new link is remembered in this browser (linkMemory.ts) and handed to `onMade`.
 */
export function NewLinkButton(props: { role: Exclude<Role, 'facilitator'>; label?: string; onMade: (link: string) => void }) {
  const t = useCatalog(SHARE_MESSAGES)
  const s = useCatalog(SESSION_MESSAGES)
  const { info } = useBoard()
  const [stage, setStage] = useState<'idle' | 'confirm' | 'busy'>('idle')
  const [failed, setFailed] = useState(false)
  const warningId = useId()
  const openRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (stage === 'confirm') confirmRef.current?.focus()
  }, [stage])

  const make = async () => {
    setStage('busy')
    setFailed(false)
    try {
      const link = await makeNewLink(info.id, props.role, ownToken())
      rememberLink(window.localStorage, info.id, props.role, link)
      props.onMade(link)
    } catch {
      setFailed(true)
    } finally {
      setStage('idle')
    }
  }

  if (stage === 'idle') {
    return (
      <>
        {failed ? <p role="alert">{t('newLinkFailed')}</p> : null}
        <button ref={openRef} type="button" onClick={() => setStage('confirm')}>
          {props.label ?? t('makeNewLink')}
        </button>
      </>
    )
  }
  return (
    <div className="new-link-confirm" data-testid={`new-link-confirm-${props.role}`}>
      <p id={warningId} className="new-link-confirm__warning">
        {props.role === 'participant' ? t('newParticipantLinkWarning') : t('newObserverLinkWarning')}
      </p>
      <div className="session-row">
        <button
          ref={confirmRef}
          type="button"
          className="button--primary"
          aria-describedby={warningId}
          disabled={stage === 'busy'}
          onClick={() => {
            make().catch(() => setFailed(true))
          }}
        >
          {t('confirmNewLink')}
        </button>
        <button
          type="button"
          disabled={stage === 'busy'}
          onClick={() => {
            setStage('idle')
            requestAnimationFrame(() => openRef.current?.focus())
          }}
        >
          {s('cancel')}
        </button>
      </div>
    </div>
  )
}
