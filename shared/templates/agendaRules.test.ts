import { describe, expect, it } from 'vitest'
import { agendaProblems } from './agendaRules.ts'
import { parseTemplate, type Template } from './templateSchema.ts'
import { text, validTemplateJson } from './testFixtures.ts'

// The fixture's agenda made runnable: silent writing, discussion, a dot vote, the report back.
function runnableJson(): Record<string, any> {
  const json = validTemplateJson()
  json.agenda = [
    { id: 'write', minutes: 5, title: text('Write'), instructions: text('Everyone writes.'), zones: ['challenge'], activity: 'silent-writing' },
    { id: 'talk', minutes: 5, title: text('Talk'), instructions: text('We talk.'), zones: ['values', 'inner'], activity: 'discussion' },
    { id: 'vote', minutes: 3, title: text('Vote'), instructions: text('Equal dots.'), zones: ['inner'], activity: 'dot-vote' },
    { id: 'back', minutes: 2, title: text('Report back'), instructions: text('Who tells whom?'), zones: ['outer'], activity: 'report-back' },
  ]
  return json
}

function parsed(json: unknown): Template {
  const result = parseTemplate(json)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.template
}

describe('agendaProblems', () => {
  it('accepts an agenda that starts with silent writing, has a dot vote and ends with the report back', () => {
    expect(agendaProblems(parsed(runnableJson()))).toEqual([])
  })

  it('names a writing step that points only at a reference panel, whose notes would belong to no zone', () => {
    const json = runnableJson()
    json.agenda[0].zones = ['values']
    expect(agendaProblems(parsed(json))).toEqual(['agenda step "write" asks people to write (silent-writing) but names only zones that hold no notes'])
  })

  it('names a step without zones and a step without an activity', () => {
    const json = runnableJson()
    delete json.agenda[1].zones
    delete json.agenda[2].activity
    expect(agendaProblems(parsed(json))).toEqual([
      'agenda step "talk" names no zone, so the notes it asks for belong to no zone',
      'agenda step "vote" has no activity',
      'the agenda has no dot-vote step',
    ])
  })

  it('wants silent writing first and the report back last', () => {
    const json = runnableJson()
    json.agenda.reverse()
    expect(agendaProblems(parsed(json))).toEqual([
      'the agenda starts with "back", not with silent writing',
      'the agenda ends with "write", not with planning the report back to participants',
    ])
  })

  it('does not ask a board without zones to name any', () => {
    const json = runnableJson()
    json.zones = []
    json.examples = []
    for (const step of json.agenda) delete step.zones
    expect(agendaProblems(parsed(json))).toEqual([])
  })
})
