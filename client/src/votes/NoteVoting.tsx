import type { PointerEvent as ReactPointerEvent } from 'react'
import { useValue, type Editor, type TLNoteShape } from 'tldraw'
import { isExampleNote } from '../../../shared/templates/generateTemplateRecords.ts'
import { STAKEHOLDER_GROUP_LABELS, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { zoneOfNote } from '../board/zoneNotes.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useCatalog } from '../i18n/useCatalog.ts'
import { isDraft } from '../privateWriting/drafts.ts'
import { canPlace } from './ballot.ts'
import { VOTE_MESSAGES } from './voteMessages.ts'
import { useVoting } from './VotingContext.tsx'

// Keeps a tap on our buttons from selecting or dragging the note underneath.
const stop = (event: ReactPointerEvent) => event.stopPropagation()

/**
 * What a note shows of a dot vote: while it runs, this voter's dots and buttons to add and take
 * back one (44 px on screen at any zoom); once closed, its total and — where shown — the dots of
 * each stakeholder group. Nothing for notes outside the vote.
 */
export function NoteVoting(props: { editor: Editor; shape: TLNoteShape }) {
  const voting = useVoting()
  const { editor, shape } = props
  const t = useCatalog(VOTE_MESSAGES)
  const { locale } = useI18n()
  const zones = voting?.vote?.config.zones
  const eligible = useValue(
    'note in vote',
    () => {
      if (!zones || isExampleNote(shape) || isDraft(shape)) return false
      if (zones.length === 0) return true
      const zone = zoneOfNote(editor, shape.id)
      return zone !== undefined && zones.includes(zone.id)
    },
    [editor, shape, zones],
  )
  if (!voting?.vote || !eligible) return null
  const { vote } = voting

  if (vote.status === 'closed') {
    // Too few voters: no figure on any note (the results panel says why).
    if (vote.results?.withheld) return null
    const result = vote.results?.notes[shape.id]
    const total = result?.total ?? 0
    const groups = Object.entries(result?.byGroup ?? {}) as [StakeholderGroup, number][]
    return (
      <div className="note-votes note-votes--result" data-testid="note-result">
        <span className="note-votes__total">{t('noteTotal', { count: total })}</span>
        {groups.map(([group, n]) => (
          <span key={group} className="note-votes__group">
            {STAKEHOLDER_GROUP_LABELS[group][locale]}: {n}
          </span>
        ))}
        {result?.otherGroups ? <span className="note-votes__group">{t('otherGroups', { count: result.otherGroups })}</span> : null}
      </div>
    )
  }

  const mine = voting.dots[shape.id] ?? 0
  if (!voting.canVote) return null
  const text = noteLabel(shape)
  return (
    <div className="note-votes" onPointerDown={stop} data-testid="note-vote">
      {mine > 0 ? (
        <button type="button" className="note-votes__button" aria-label={t('removeDot', { note: text })} onPointerDown={stop} onClick={() => voting.remove(shape.id)}>
          −
        </button>
      ) : null}
      <span className="note-votes__mine" aria-hidden="true">
        {'●'.repeat(mine)}
      </span>
      <button
        type="button"
        className="note-votes__button note-votes__button--add"
        aria-label={t('addDot', { note: text, count: mine })}
        disabled={!canPlace(voting.dots, shape.id, vote.config)}
        onPointerDown={stop}
        onClick={() => voting.place(shape.id)}
      >
        +
      </button>
    </div>
  )
}

/** The first words of a note's text, to name its buttons. */
export function noteLabel(shape: TLNoteShape): string {
  const words: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { text?: unknown; content?: unknown[] }
    if (typeof n.text === 'string') words.push(n.text)
    if (Array.isArray(n.content)) n.content.forEach(walk)
  }
  walk(shape.props.richText)
  const text = words.join(' ').trim()
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
