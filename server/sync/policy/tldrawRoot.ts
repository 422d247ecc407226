import type { StoreSchema } from '@tldraw/store'
import { isEqual } from '@tldraw/utils'
import * as Y from 'yjs'
import {
  authorOf,
  hasTemplateMarker,
  isTemplateShape,
  mayDeleteShape,
  mayEditTemplateShape,
  TEMPLATE_META_KEY,
  AUTHOR_NAME_META_KEY,
  GROUP_META_KEY,
} from '../../../shared/policy/boardRules.ts'
import { getRecordsMap, NESTED_FIELDS } from '../../../shared/tldrawYjs/recordsDoc.ts'
import type { Effect, InsertEffect } from '../effects.ts'
import { jsonBytesUpTo } from './jsonSize.ts'
import type { PolicyContext, RootRule, Verdict } from './verdict.ts'

type JsonRecord = Record<string, unknown>

/** Record types participants may not create, change or delete: the board's document and pages. */
const FACILITATOR_ONLY_TYPES: ReadonlySet<string> = new Set(['document', 'page'])

/**
 * The `tldraw` root: one Y.Map per record (fields, with `props` and `meta` as nested maps of
 * values). Every record an update touches is rebuilt as it would be afterwards and checked:
 *   - structure: records are maps under their id, fields are values (props/meta nested maps of
 *     values), nothing deeper; no sequences anywhere;
 *   - content: a known document record type, the same id/typeName/type as before, valid by
 *     tldraw's own validators, at most `maxRecordBytes` of JSON;
 *   - roles: participants never touch the document and pages, never create template shapes,
 *     change a zone only once it is unlocked, never change who wrote a note, and delete only
 *     what shared/policy/boardRules.ts allows (own notes when the board protects notes).
 * A refused record loses every change of this update; other records are judged on their own.
 */
export class TldrawRootRule implements RootRule {
  constructor(
    private readonly options: {
      schema: StoreSchema<any, any>
      maxRecordBytes: number
      /** False when the board follows another tldraw schema than the server's: skip deep validation. */
      validate: () => boolean
    },
  ) {}

  judge(effects: readonly Effect[], context: PolicyContext, verdict: Verdict): void {
    const byRecord = new Map<string, Effect[]>()
    for (const effect of effects) {
      const parent = effect.parent ?? []
      const id = parent.length === 1 ? effect.key : parent[1]
      if (id === null || id === undefined) {
        verdict.refuse([effect], 'tldraw records are map entries')
        continue
      }
      const list = byRecord.get(id) ?? []
      list.push(effect)
      byRecord.set(id, list)
    }
    const root = getRecordsMap(context.doc)
    for (const [id, list] of byRecord) {
      const problem = this.check(id, list, root, context)
      if (problem) verdict.refuse(list, problem)
    }
  }

  private check(id: string, effects: Effect[], root: Y.Map<Y.Map<unknown>>, context: PolicyContext): string | undefined {
    const structural = structureProblem(effects)
    if (structural) return structural
    const existing = root.get(id)
    let before: JsonRecord | undefined
    try {
      before = existing instanceof Y.Map ? (existing.toJSON() as JsonRecord) : undefined
    } catch {
      before = undefined // a record too deep to read (an old attack) may be replaced or deleted
    }
    let after: JsonRecord | undefined
    try {
      after = recordAfter(before, effects)
    } catch {
      return 'record cannot be read'
    }
    return this.contentProblem(id, before, after) ?? roleProblem(before, after, context)
  }

  private contentProblem(id: string, before: JsonRecord | undefined, after: JsonRecord | undefined): string | undefined {
    if (!after) return undefined
    if (after.id !== id) return `record ${id} must carry its own id`
    if (before) {
      for (const field of ['id', 'typeName', 'type'] as const) {
        if (before[field] !== after[field]) return `${field} of a record cannot change`
      }
    }
    const recordType = (this.options.schema.types as Record<string, { scope: string; validate: (r: unknown, b?: unknown) => unknown } | undefined>)[
      String(after.typeName)
    ]
    if (!recordType || recordType.scope !== 'document') return `unknown record type ${JSON.stringify(after.typeName)}`
    // Bytes, not UTF-16 code units: "€" is one code unit and three bytes on the wire and on disk.
    const size = jsonBytesUpTo(after, this.options.maxRecordBytes)
    if (!size.within) {
      return size.bytes === undefined ? 'record is nested too deeply' : `record is ${size.bytes} bytes; the limit is ${this.options.maxRecordBytes}`
    }
    if (this.options.validate()) {
      try {
        recordType.validate(after, before)
      } catch (error) {
        return `not a valid tldraw record: ${(error as Error).message.slice(0, 200)}`
      }
    }
    return undefined
  }
}

// Records are maps under their id; fields are values, or nested maps of values for props/meta.
function structureProblem(effects: readonly Effect[]): string | undefined {
  for (const effect of effects) {
    const depth = effect.parent?.length ?? 0
    if (effect.key === null) return 'tldraw holds no sequences'
    if (depth > 3) return 'too deeply nested'
    if (depth === 3 && !NESTED_FIELDS.has(effect.parent![2])) return `only ${[...NESTED_FIELDS].join(' and ')} are nested`
    if (effect.kind !== 'insert') continue
    const allowed =
      depth === 1
        ? effect.content === 'map' || effect.content === 'deleted'
        : depth === 2
          ? effect.content === 'value' || effect.content === 'deleted' || (effect.content === 'map' && NESTED_FIELDS.has(effect.key))
          : effect.content === 'value' || effect.content === 'deleted'
    if (!allowed) return `a ${effect.content} cannot sit at ${[...(effect.parent ?? []), effect.key].join('/')}`
    if (effect.content === 'value' && effect.values?.length !== 1) return 'one value per key'
  }
  return undefined
}

// The last insert per key wins (later items of one client come after its earlier ones).
function lastInsertPerKey(effects: readonly Effect[]): Map<string, InsertEffect> {
  const last = new Map<string, InsertEffect>()
  for (const effect of effects) if (effect.kind === 'insert' && effect.key !== null) last.set(effect.key, effect)
  return last
}

// A nested map (props/meta) built from the update's own entries.
function freshNested(effects: readonly Effect[], field: string): JsonRecord {
  const entries = effects.filter((e) => e.kind === 'insert' && e.parentFresh && e.parent?.length === 3 && e.parent[2] === field)
  const out: JsonRecord = {}
  for (const [key, effect] of lastInsertPerKey(entries)) if (effect.content === 'value') out[key] = effect.values![0]
  return out
}

/** The record as it will be once the update is applied; undefined when it is deleted. */
export function recordAfter(before: JsonRecord | undefined, effects: readonly Effect[]): JsonRecord | undefined {
  const recordLevel = effects.filter((e) => e.parent?.length === 1)
  const lastRecordInsert = [...lastInsertPerKey(recordLevel).values()].at(-1)
  const fields = effects.filter((e) => e.parent?.length === 2)
  if (lastRecordInsert?.content === 'map') {
    // A new map for this id: the record is exactly what the update puts into it.
    const out: JsonRecord = {}
    for (const [field, effect] of lastInsertPerKey(fields.filter((e) => e.kind === 'insert' && e.parentFresh))) {
      if (effect.content === 'value') out[field] = effect.values![0]
      else if (effect.content === 'map') out[field] = freshNested(effects, field)
    }
    return out
  }
  if (lastRecordInsert || recordLevel.some((e) => e.kind === 'delete')) return undefined
  if (!before) return undefined
  // Nested maps are copied only when the update changes them: an untouched one stays the very
  // object of `before`, which tldraw's validator then recognises as already valid and skips.
  const after: JsonRecord = { ...before }
  const replaced = new Set<string>()
  const fieldInserts = lastInsertPerKey(fields.filter((e) => !(e.kind === 'insert' && e.parentFresh)))
  for (const [field, effect] of fieldInserts) {
    replaced.add(field)
    if (effect.content === 'value') after[field] = effect.values![0]
    else if (effect.content === 'map') after[field] = freshNested(effects, field)
    else delete after[field]
  }
  for (const effect of fields) if (effect.kind === 'delete' && effect.key !== null && !fieldInserts.has(effect.key)) delete after[effect.key]
  for (const field of NESTED_FIELDS) {
    if (replaced.has(field) || !isObject(after[field])) continue
    const entries = effects.filter((e) => e.parent?.length === 3 && e.parent[2] === field && !(e.kind === 'insert' && e.parentFresh))
    if (entries.length === 0) continue
    const nested: JsonRecord = { ...(after[field] as JsonRecord) }
    after[field] = nested
    const inserts = lastInsertPerKey(entries)
    for (const [key, effect] of inserts) {
      if (effect.content === 'value') nested[key] = effect.values![0]
      else delete nested[key]
    }
    for (const effect of entries) if (effect.kind === 'delete' && effect.key !== null && !inserts.has(effect.key)) delete nested[effect.key]
  }
  return after
}

function isObject(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function metaField(record: JsonRecord, key: string): unknown {
  return isObject(record.meta) ? record.meta[key] : undefined
}

// What the sender's role allows (see the class comment).
function roleProblem(before: JsonRecord | undefined, after: JsonRecord | undefined, context: PolicyContext): string | undefined {
  const { role, settings, authorId } = context
  // tldraw's user records carry people's names (for note attribution): none on anonymous boards.
  if (settings.anonymous && after?.typeName === 'user') return 'an anonymous board keeps no names'
  if (settings.anonymous && after && metaField(after, AUTHOR_NAME_META_KEY) !== undefined) return 'an anonymous board keeps no names'
  if (role === 'facilitator') return undefined
  if (role !== 'participant') return 'this link cannot change the board'
  if (context.frozen) return 'the facilitator has frozen the board'
  const record = after ?? before
  if (!record) return undefined
  const typeName = String(record.typeName)
  if (FACILITATOR_ONLY_TYPES.has(typeName)) return `only the facilitator may change the ${typeName}`
  if (typeName !== 'shape') return undefined
  if (!before && after) {
    if (hasTemplateMarker(after)) return 'only the facilitator may add template shapes'
    const author = authorOf(after)
    if (author !== undefined && author !== authorId) return "a note must carry its author's own id"
    return undefined
  }
  if (before && !after) {
    return mayDeleteShape({ role, settings, shape: before, authorId }) ? undefined : 'participants may delete only their own notes here'
  }
  if (before && after) {
    if (isTemplateShape(before) && !mayEditTemplateShape(role, before)) return 'this zone is locked by the facilitator'
    if (!isEqual(metaField(before, TEMPLATE_META_KEY), metaField(after, TEMPLATE_META_KEY))) return 'only the facilitator may change template markers'
    if (isTemplateShape(before) && before.isLocked !== after.isLocked) return 'only the facilitator may lock or unlock zones'
    if (authorOf(before) !== authorOf(after)) return 'the author of a note cannot change'
    for (const key of [GROUP_META_KEY, AUTHOR_NAME_META_KEY]) {
      if (metaField(before, key) !== metaField(after, key)) return `the ${key} of a note cannot change`
    }
  }
  return undefined
}
