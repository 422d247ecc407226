import type { SerializedSchema } from '@tldraw/store'
import { isEqual } from '@tldraw/utils'
import type { z } from 'zod'
import { boardHasContent, boardSettingsSchema, EDITABLE_META } from '../../../shared/boardDoc.ts'
import type { Role } from '../../../shared/roles.ts'
import { noteOutcomeSchema, OUTCOME_KEY } from '../../../shared/outcomes/noteOutcome.ts'
import { SESSION_VALUE_SCHEMAS } from '../../../shared/session/sessionState.ts'
import type { Effect } from '../effects.ts'
import type { PolicyContext, RootRule, Verdict } from './verdict.ts'

/** Checks a value (against the board as it is): undefined when it is fine, else what is wrong with it. */
export type ValueCheck = (value: unknown, context: PolicyContext) => string | undefined

/** A ValueCheck from a zod schema. */
export function checkWith(schema: z.ZodType): ValueCheck {
  return (value) => {
    const parsed = schema.safeParse(value)
    return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'invalid value')
  }
}

function checksFrom(shape: Record<string, z.ZodType>): Record<string, ValueCheck> {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, checkWith(schema)]))
}

/**
 * A root that is a flat Y.Map of plain values, each key with its own check: `meta`, `settings`,
 * `tldrawMeta`. Nested types, sequence items and unknown keys are refused; a key may be
 * overwritten with a valid value but not removed.
 */
export class FlatMapRule implements RootRule {
  constructor(
    private readonly options: {
      name: string
      writers: readonly Role[]
      /** Per key: the check a new value must pass. Keys not listed cannot be written... */
      values: Record<string, ValueCheck>
      /** ...unless they match `pattern` (maps keyed by id), whose entries may also be removed. */
      otherKeys?: { pattern: RegExp; check: ValueCheck }
    },
  ) {}

  judge(effects: readonly Effect[], context: PolicyContext, verdict: Verdict): void {
    const { name, writers, values } = this.options
    if (!writers.includes(context.role)) {
      verdict.refuse(effects, `only ${writers.join(' or ')} may change ${name}`)
      return
    }
    const byKey = new Map<string, Effect[]>()
    for (const effect of effects) {
      if (effect.parent?.length !== 1 || effect.key === null) {
        verdict.refuse([effect], `${name} holds plain values only`)
        continue
      }
      const list = byKey.get(effect.key) ?? []
      list.push(effect)
      byKey.set(effect.key, list)
    }
    for (const [key, list] of byKey) {
      const other = this.options.otherKeys
      const check = values[key] ?? (other?.pattern.test(key) ? other.check : undefined)
      if (!check) {
        verdict.refuse(list, `${name}.${key.slice(0, 80)} cannot be written`)
        continue
      }
      const inserts = list.filter((e) => e.kind === 'insert')
      const last = inserts[inserts.length - 1]
      if (!last) {
        if (!values[key]) continue // an entry of a map keyed by id may be removed
        verdict.refuse(list, `${name}.${key} cannot be removed`)
        continue
      }
      if (last.kind !== 'insert' || last.content !== 'value' || last.values?.length !== 1) {
        verdict.refuse(list, `${name}.${key} must be a plain value`)
        continue
      }
      const problem = check(last.values[0], context)
      if (problem) verdict.refuse(list, `${name}.${key}: ${problem}`)
    }
  }
}

/** `meta`: the facilitator may rename the board and change its language; the rest is fixed. */
export function metaRule(): RootRule {
  return new FlatMapRule({ name: 'meta', writers: ['facilitator'], values: checksFrom(EDITABLE_META) })
}

/**
 * `settings`: the facilitator's board rules, each value checked against its schema. Anonymity is
 * switched only before anyone has written: names kept earlier would not go away, and people who
 * wrote believing they were anonymous must stay so.
 */
export function settingsRule(): RootRule {
  const checks = checksFrom(boardSettingsSchema.shape)
  const anonymous = checks.anonymous
  checks.anonymous = (value, context) =>
    anonymous(value, context) ??
    (value !== context.settings.anonymous && boardHasContent(context.doc) ? 'anonymity can be switched only before anyone writes' : undefined)
  return new FlatMapRule({ name: 'settings', writers: ['facilitator'], values: checks })
}

/** `session`: the live agenda, timer, focus, ready check and freeze; facilitator only, every value checked. */
export function sessionRule(): RootRule {
  return new FlatMapRule({ name: 'session', writers: ['facilitator'], values: checksFrom(SESSION_VALUE_SCHEMAS) })
}

/** `outcomes`: what happened to each note; the facilitator, and participants when allowed. */
export function outcomesRule(): RootRule {
  const entries = new FlatMapRule({
    name: 'outcomes',
    writers: ['facilitator', 'participant'],
    values: {},
    otherKeys: { pattern: OUTCOME_KEY, check: checkWith(noteOutcomeSchema) },
  })
  return {
    judge(effects, context, verdict) {
      if (context.role === 'participant' && !context.settings.participantsMayMarkOutcomes) {
        verdict.refuse(effects, 'on this board only the facilitator marks what happened to notes')
        return
      }
      entries.judge(effects, context, verdict)
    },
  }
}

/**
 * `tldrawMeta`: only the schema the server runs may be written. A newer schema would make every
 * client refuse the board ("please reload") for ever; an older one would make clients migrate
 * records that are already current.
 */
export function tldrawMetaRule(serverSchema: SerializedSchema): RootRule {
  const sameAsServer: ValueCheck = (value) => (isEqual(value, serverSchema) ? undefined : 'not the schema this server runs')
  return new FlatMapRule({ name: 'tldrawMeta', writers: ['facilitator', 'participant'], values: { schema: sameAsServer } })
}
