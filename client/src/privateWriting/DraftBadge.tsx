import { useCatalog } from '../i18n/useCatalog.ts'
import { PRIVATE_WRITING_MESSAGES } from './privateWritingMessages.ts'

/** The mark on a private draft: only the writer ever sees it (drafts exist on their device only). */
export function DraftBadge() {
  const t = useCatalog(PRIVATE_WRITING_MESSAGES)
  return (
    <div className="note-draft" data-testid="note-draft">
      <span className="note-draft__label">{t('draftBadge')}</span>
    </div>
  )
}
