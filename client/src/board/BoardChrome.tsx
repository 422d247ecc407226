import { readBoardSettings } from '../../../shared/boardDoc.ts'
import { STAKEHOLDER_GROUP_COLOURS, STAKEHOLDER_GROUP_LABELS } from '../../../shared/stakeholderGroups.ts'
import { DocumentToggle } from '../document/DocumentDock.tsx'
import { usePublishedBottom } from '../ui/usePublishedBottom.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { LanguageSwitcher } from '../ui/LanguageSwitcher.tsx'
import { EveryVoiceBar } from '../participation/EveryVoiceBar.tsx'
import { ReportTools } from '../report/ReportTools.tsx'
import { useBoard } from './BoardContext.tsx'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { ParticipantList } from './ParticipantList.tsx'

/**
 * coboard's own controls on the board, in tldraw's top-right slot: connection status, view-only
 * badge, the people on the board, the user's name and group, and the language.
 */
export function BoardChrome() {
  const { identity: remembered, readOnly, editIdentity, info, session } = useBoard()
  const { messages, locale } = useI18n()
  // Issue 11: on an anonymous board the screen (perhaps a projector) shows the group, not a name.
  const anonymous = info.anonymous || readBoardSettings(session.doc).anonymous
  const identity = anonymous ? { ...remembered, name: STAKEHOLDER_GROUP_LABELS[remembered.group][locale] } : remembered
  // Where the chrome ends, however its row wraps (longer words in Danish or Norwegian, a narrower
  // window): the session chip and its panels sit below it.
  const ref = usePublishedBottom('--board-chrome-bottom')
  return (
    <div className="board-chrome" ref={ref}>
      <ConnectionStatus />
      <DocumentToggle />
      {readOnly ? (
        <span className="badge" title={messages.viewOnlyHint}>
          {messages.viewOnly}
        </span>
      ) : null}
      <ReportTools />
      <ParticipantList />
      <button
        type="button"
        className="board-chrome__identity"
        aria-label={messages.changeIdentity(identity.name)}
        title={messages.changeIdentity(identity.name)}
        onClick={editIdentity}
      >
        <span className="swatch" aria-hidden="true" style={{ backgroundColor: STAKEHOLDER_GROUP_COLOURS[identity.group] }} />
        <span className="board-chrome__name">{identity.name}</span>
      </button>
      <LanguageSwitcher compact />
      <EveryVoiceBar />
    </div>
  )
}
