import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { BOARD_DOC_KEYS, readBoardSettings } from '../../../shared/boardDoc.ts'
import { GROUP_META_KEY } from '../../../shared/policy/boardRules.ts'
import { readSession, SESSION_ROOT } from '../../../shared/session/sessionState.ts'
import { stakeholderGroupSchema, type StakeholderGroup } from '../../../shared/stakeholderGroups.ts'
import { getRecordsMap } from '../../../shared/tldrawYjs/recordsDoc.ts'
import { voteRecordSchema } from '../../../shared/voting/voting.ts'
import { useBoardTemplate } from '../templates/useBoardTemplate.ts'
import { participationRows, type ParticipationRow } from './participation.ts'

/** The presence a participation view reads (the board's awareness). */
export interface PresenceSource {
  getStates(): Map<number, unknown>
  on(event: 'change', listener: () => void): void
  off(event: 'change', listener: () => void): void
}

export type VotersByGroup = Partial<Record<StakeholderGroup, number | null>>

const groupOf = (value: unknown): StakeholderGroup | undefined => {
  const parsed = stakeholderGroupSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}
const defined = <T>(value: T | undefined): value is T => value !== undefined

/** The groups of the notes people have published (template examples left out; drafts are never in the doc). */
function noteGroups(doc: Y.Doc): StakeholderGroup[] {
  const groups: StakeholderGroup[] = []
  for (const record of getRecordsMap(doc).values()) {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape' || record.get('type') !== 'note') continue
    const meta = record.get('meta')
    if (!(meta instanceof Y.Map)) continue
    const marker = meta.get('coboard') as { example?: unknown } | undefined
    if (marker?.example === true) continue
    const group = groupOf(meta.get(GROUP_META_KEY))
    if (group) groups.push(group)
  }
  return groups
}

/** Voters per group of the last closed vote, as its results publish them. */
function closedVoters(doc: Y.Doc): VotersByGroup {
  let last: { closedAt: number; voters: VotersByGroup } | undefined
  for (const value of doc.getMap(BOARD_DOC_KEYS.votes).values()) {
    const parsed = voteRecordSchema.safeParse(value)
    if (!parsed.success || !parsed.data.results || parsed.data.closedAt === null) continue
    if (!last || parsed.data.closedAt > last.closedAt) last = { closedAt: parsed.data.closedAt, voters: parsed.data.results.votersByGroup as VotersByGroup }
  }
  return last?.voters ?? {}
}

/**
 * The participation rows of a board, kept up to date from its document (session, attendance,
 * notes, votes) and presence. `liveVoters` replaces the last closed vote's figures while a vote
 * runs (the facilitator polls them). Notes are counted when they are added or removed (a note's
 * group never changes), so moving notes recounts nothing.
 */
export function useParticipation(options: {
  doc: Y.Doc
  presence: PresenceSource
  templateId: string
  allGroups: boolean
  liveVoters?: VotersByGroup
}): { rows: ParticipationRow[]; anonymous: boolean } {
  const { doc, presence } = options
  const template = useBoardTemplate(options.templateId)
  const [, setTick] = useState(0)
  useEffect(() => {
    const bump = () => setTick((n) => n + 1)
    const roots: Y.AbstractType<any>[] = [SESSION_ROOT, BOARD_DOC_KEYS.attendance, BOARD_DOC_KEYS.votes, BOARD_DOC_KEYS.settings].map((key) => doc.getMap(key))
    roots.push(getRecordsMap(doc))
    roots.forEach((root) => root.observe(bump))
    presence.on('change', bump)
    return () => {
      roots.forEach((root) => root.unobserve(bump))
      presence.off('change', bump)
    }
  }, [doc, presence])
  const rows = participationRows({
    suggested: template.status === 'loaded' ? template.template.suggestedGroups : [],
    intended: readSession(doc).intended,
    presentGroups: [...presence.getStates().values()].map((state) => groupOf((state as { user?: { group?: unknown } } | null)?.user?.group)).filter(defined),
    attendanceGroups: [...doc.getMap<{ group?: unknown }>(BOARD_DOC_KEYS.attendance).values()].map((entry) => groupOf(entry?.group)).filter(defined),
    noteGroups: noteGroups(doc),
    votersByGroup: options.liveVoters ?? closedVoters(doc),
    allGroups: options.allGroups,
  })
  return { rows, anonymous: readBoardSettings(doc).anonymous }
}
