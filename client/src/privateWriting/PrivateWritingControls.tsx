import { useEffect, useMemo, useState } from 'react'
import { useEditor } from 'tldraw'
import { canEditDocument } from '../../../shared/roles.ts'
import { isFrozen, readSession, SESSION_ROOT, writeSession } from '../../../shared/session/sessionState.ts'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { useBoard } from '../board/BoardContext.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { draftCountsByGroup } from './drafts.ts'
import { DraftStore } from './DraftStore.ts'
import { draftsIn, keepDrafts, publishDrafts } from './keepDrafts.ts'
import { PRIVATE_WRITING_MESSAGES } from './privateWritingMessages.ts'

/**
 * Silent writing: for the facilitator "Start private writing" and "Reveal all" (with the drafts
 * each group holds); for everyone with drafts "Publish my notes". Keeps this device's drafts.
 */
export function PrivateWritingControls() {
  const editor = useEditor()
  const { session, info } = useBoard()
  const t = useCatalog(PRIVATE_WRITING_MESSAGES)
  const { locale } = useI18n()
  const [phase, setPhase] = useState(() => readSession(session.doc).privateWriting)
  const [frozen, setFrozen] = useState(() => isFrozen(session.doc))
  const [own, setOwn] = useState(0)
  const [others, setOthers] = useState<ReturnType<typeof draftCountsByGroup>>({})
  const facilitator = info.role === 'facilitator'
  const store = useMemo(() => new DraftStore(info.id, window.indexedDB), [info.id])

  useEffect(() => {
    const map = session.doc.getMap(SESSION_ROOT)
    const update = () => {
      setPhase(readSession(session.doc).privateWriting)
      setFrozen(isFrozen(session.doc))
    }
    map.observe(update)
    const stopKeeping = keepDrafts(editor, {
      store,
      phase: () => readSession(session.doc).privateWriting,
      onPhaseChange: (listener) => {
        map.observe(listener)
        return () => map.unobserve(listener)
      },
      canEdit: canEditDocument(info.role),
      canPublish: () => canEditDocument(info.role) && (info.role === 'facilitator' || !isFrozen(session.doc)),
      onCount: (count) => {
        setOwn(count)
        // Others see how many drafts this device holds, never what they say.
        session.awareness.setLocalStateField('drafts', count)
      },
    })
    return () => {
      map.unobserve(update)
      stopKeeping()
      store.close()
    }
  }, [editor, session, store, info.role])

  useEffect(() => {
    if (!facilitator) return
    const update = () => setOthers(draftCountsByGroup(session.awareness.getStates().values()))
    update()
    session.awareness.on('change', update)
    return () => session.awareness.off('change', update)
  }, [facilitator, session])

  const groups = Object.entries(others) as [StakeholderGroup, { drafts: number; people: number }][]
  return (
    <div className="every-voice__part" role="group" aria-label={t('heading')}>
      {phase.active ? (
        <span className="every-voice__status" role="status">
          {t('phaseOn')}
        </span>
      ) : null}
      {facilitator && !phase.active ? (
        <button type="button" onClick={() => writeSession(session.doc, { privateWriting: { active: true, revealSeq: phase.revealSeq } })}>
          {t('start')}
        </button>
      ) : null}
      {facilitator && phase.active ? (
        <button
          type="button"
          className="button--primary"
          onClick={() => writeSession(session.doc, { privateWriting: { active: false, revealSeq: phase.revealSeq + 1 } })}
        >
          {t('revealAll')}
        </button>
      ) : null}
      {facilitator && groups.length > 0 ? (
        <span className="every-voice__counts" data-testid="draft-counts">
          {groups.map(([group, c]) => t('groupDrafts', { group: STAKEHOLDER_GROUP_LABELS[group][locale], drafts: c.drafts, people: c.people })).join(' · ')}
        </span>
      ) : null}
      {own > 0 ? (
        <button type="button" disabled={frozen && !facilitator} onClick={() => publishDrafts(editor, draftsIn(editor))}>
          {t('publishMine', { count: own })}
        </button>
      ) : null}
    </div>
  )
}
