import type { TLNoteShape, TLRecord, TLShape } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { BOARD_DOC_KEYS, readBoardMeta, readBoardSettings } from '../boardDoc.ts'
import type { Locale } from '../locales.ts'
import { noteOutcomeSchema, type NoteOutcome } from '../outcomes/noteOutcome.ts'
import { AUTHOR_NAME_META_KEY, GROUP_META_KEY } from '../policy/boardRules.ts'
import { readSession } from '../session/sessionState.ts'
import { STAKEHOLDER_GROUPS, stakeholderGroupSchema, type StakeholderGroup } from '../stakeholderGroups.ts'
import { coboardMeta, isExampleNote } from '../templates/generateTemplateRecords.ts'
import { plainText } from '../templates/templateFromBoard.ts'
import { assignNotesToZones, findZoneFrames } from '../templates/zoneMembership.ts'
import { zoneHoldsNotes, type Template } from '../templates/templateSchema.ts'
import { readRecords } from '../tldrawYjs/recordsDoc.ts'
import { voteRecordSchema, type VoteRecord } from '../voting/voting.ts'

/** One note in a report. */
export interface NoteReport {
  id: string
  text: string
  group: StakeholderGroup | null
  /** The author's display name; never on anonymous boards. */
  author: string | null
  /**
   * From the latest closed vote that covered the note (one over every zone, or over the note's
   * zone, or one it got dots in); null when no vote covered it.
   */
  votes: { total: number; byGroup: Partial<Record<StakeholderGroup, number>> } | null
  outcome: NoteOutcome | null
}

/** One zone of a report, in the template's order, with its notes. */
export interface ZoneReport {
  id: string
  label: string
  prompt: string
  notes: NoteReport[]
}

/** Participation of one stakeholder group. */
export interface GroupParticipation {
  group: StakeholderGroup
  /** People who joined with this group (facilitators and participants; observers not counted). */
  present: number
  notes: number
  /**
   * The most people of the group who voted in any one closed vote (ballots are secret, so people
   * cannot be followed across votes); null when every vote hid the group's figures (fewer than 3).
   */
  voters: number | null
  intended: { people: number | null; how: string } | null
  /** The template suggests this group. */
  suggested: boolean
}

/** Everything a report says about a board: the shared input of the Markdown, CSV and Word exports. */
export interface BoardReport {
  title: string
  locale: Locale
  createdAt: number
  templateTitle: string | null
  sources: Array<{ short: string; full: string }>
  anonymous: boolean
  version: { label: string | null; createdAt: number } | null
  zones: ZoneReport[]
  /** Notes outside every zone. */
  outside: NoteReport[]
  participation: GroupParticipation[]
  /** When the latest vote closed, if any. */
  lastVoteClosedAt: number | null
  /** How many votes have closed on the board. */
  closedVotes: number
}

const asGroup = (value: unknown): StakeholderGroup | null => {
  const parsed = stakeholderGroupSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/**
 * Builds the report of a board's document (pure: reads the doc, never writes). Zones come in the
 * template's order (zones added on the board after them, top to bottom); each zone's notes by
 * votes, then top to bottom. Notes belong to zones exactly as everywhere else
 * (shared/templates/zoneMembership.ts). Names appear only on boards that are not anonymous.
 */
export function buildBoardReport(
  doc: Y.Doc,
  template: Template | undefined,
  options: {
    version?: { label: string | null; createdAt: number }
    /** The board's records when they are not the doc's own: a kept version's, migrated to the running schema. */
    records?: readonly TLRecord[]
  } = {},
): BoardReport {
  const meta = readBoardMeta(doc)
  const locale: Locale = meta?.locale ?? 'en'
  const settings = readBoardSettings(doc)
  const records = options.records ?? readRecords(doc)
  const shapes = new Map(records.filter((r): r is TLShape => r.typeName === 'shape').map((s) => [s.id as string, s]))
  const frames = findZoneFrames(records)
  const zoneOfNote = assignNotesToZones(records)
  const votes = closedVotesNewestFirst(doc)
  const outcomes = doc.getMap<unknown>(BOARD_DOC_KEYS.outcomes)

  const noteReport = (note: TLNoteShape): NoteReport => {
    const m = note.meta as Record<string, unknown>
    const vote = votes.find((v) => coversNote(v, note.id, zoneOfNote.get(note.id) ?? null))
    const result = vote?.results?.notes[note.id] ?? (vote ? { total: 0 } : undefined)
    const outcome = noteOutcomeSchema.safeParse(outcomes.get(note.id))
    return {
      id: note.id,
      text: plainText(note.props.richText),
      group: asGroup(m[GROUP_META_KEY]),
      author: !settings.anonymous && typeof m[AUTHOR_NAME_META_KEY] === 'string' ? (m[AUTHOR_NAME_META_KEY] as string) : null,
      votes: result ? { total: result.total, byGroup: (result.byGroup ?? {}) as Partial<Record<StakeholderGroup, number>> } : null,
      outcome: outcome.success ? outcome.data : null,
    }
  }
  const texts = (frameId: string, part: string) => {
    for (const shape of shapes.values()) {
      if (shape.parentId === frameId && shape.type === 'text' && coboardMeta(shape)?.part === part) {
        return plainText((shape.props as { richText?: unknown }).richText)
      }
    }
    return undefined
  }

  // Zones: the template's order first, then zones added on the board, top to bottom.
  const order = new Map((template?.zones ?? []).map((zone, i) => [zone.id, i]))
  const templateZones = new Map((template?.zones ?? []).map((zone) => [zone.id, zone]))
  const noteFrames = frames
    .filter((f) => f.holdsNotes && (!templateZones.has(f.zoneId) || zoneHoldsNotes(templateZones.get(f.zoneId)!)))
    .sort((a, b) => (order.get(a.zoneId) ?? 1e6) - (order.get(b.zoneId) ?? 1e6) || a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x)
  const byZone = new Map<string | null, TLNoteShape[]>()
  for (const [noteId, zoneId] of zoneOfNote) {
    const note = shapes.get(noteId) as TLNoteShape | undefined
    if (!note || isExampleNote(note)) continue
    const list = byZone.get(zoneId) ?? []
    list.push(note)
    byZone.set(zoneId, list)
  }
  const sorted = (notes: TLNoteShape[] = []) =>
    notes
      .map((note) => ({ note, report: noteReport(note) }))
      .sort((a, b) => (b.report.votes?.total ?? 0) - (a.report.votes?.total ?? 0) || a.note.y - b.note.y || a.note.x - b.note.x)
      .map((entry) => entry.report)
  const seen = new Set<string>()
  const zones: ZoneReport[] = []
  for (const frame of noteFrames) {
    if (seen.has(frame.zoneId)) continue
    seen.add(frame.zoneId)
    const zone = templateZones.get(frame.zoneId)
    const frameShape = shapes.get(frame.shapeId) as { props?: { name?: string } } | undefined
    zones.push({
      id: frame.zoneId,
      label: texts(frame.shapeId, 'label') ?? zone?.label[locale] ?? frameShape?.props?.name ?? frame.zoneId,
      prompt: texts(frame.shapeId, 'prompt') ?? zone?.prompt?.[locale] ?? '',
      notes: sorted(byZone.get(frame.zoneId)),
    })
  }
  const outside = sorted([...byZone.entries()].filter(([zoneId]) => zoneId === null || !seen.has(zoneId)).flatMap(([, notes]) => notes))

  return {
    title: meta?.title ?? '',
    locale,
    createdAt: meta?.createdAt ?? 0,
    templateTitle: template?.title[locale] ?? null,
    sources: template?.sources ?? [],
    anonymous: settings.anonymous,
    version: options.version ?? null,
    zones,
    outside,
    participation: participation(doc, template, [...zones.flatMap((z) => z.notes), ...outside], votes),
    lastVoteClosedAt: votes[0]?.closedAt ?? null,
    closedVotes: votes.length,
  }
}

type ClosedVote = VoteRecord & { results: NonNullable<VoteRecord['results']> }

/** The board's closed votes with results, the latest first. */
function closedVotesNewestFirst(doc: Y.Doc): ClosedVote[] {
  const closed: ClosedVote[] = []
  for (const value of doc.getMap<unknown>(BOARD_DOC_KEYS.votes).values()) {
    const parsed = voteRecordSchema.safeParse(value)
    if (parsed.success && parsed.data.status === 'closed' && parsed.data.results) closed.push(parsed.data as ClosedVote)
  }
  return closed.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0) || (a.id < b.id ? -1 : 1))
}

/**
 * Whether a vote was about a note: it got dots in it, or the vote took every zone, or the note's
 * zone. Why not simply the latest vote: a vote on one zone says nothing about the notes of the
 * others, whose earlier results must stay in the report.
 */
export function coversNote(vote: VoteRecord, noteId: string, zone: string | null): boolean {
  if (vote.results?.notes[noteId]) return true
  return vote.config.zones.length === 0 || (zone !== null && vote.config.zones.includes(zone))
}

/** The most voters of a group in any one vote; null when all votes that counted it hid it. */
function votersOf(group: StakeholderGroup, votes: readonly ClosedVote[]): number | null {
  let most: number | null = null
  let hidden = false
  for (const vote of votes) {
    const n = vote.results.votersByGroup[group]
    if (n === null) hidden = true
    else if (n !== undefined) most = Math.max(most ?? 0, n)
  }
  return most ?? (hidden ? null : 0)
}

function participation(doc: Y.Doc, template: Template | undefined, notes: NoteReport[], votes: readonly ClosedVote[]): GroupParticipation[] {
  const present = new Map<StakeholderGroup, number>()
  for (const value of doc.getMap<{ group?: unknown; role?: unknown }>(BOARD_DOC_KEYS.attendance).values()) {
    const group = asGroup(value?.group)
    if (group && value.role !== 'observer') present.set(group, (present.get(group) ?? 0) + 1)
  }
  const written = new Map<StakeholderGroup, number>()
  for (const note of notes) if (note.group) written.set(note.group, (written.get(note.group) ?? 0) + 1)
  const intended = readSession(doc).intended
  const suggested = new Set(template?.suggestedGroups ?? [])
  return STAKEHOLDER_GROUPS.filter(
    (g) => suggested.has(g) || present.has(g) || written.has(g) || intended[g] !== undefined || votes.some((v) => v.results.votersByGroup[g] !== undefined),
  ).map((group) => ({
    group,
    present: present.get(group) ?? 0,
    notes: written.get(group) ?? 0,
    voters: votersOf(group, votes),
    intended: intended[group] ?? null,
    suggested: suggested.has(group),
  }))
}
