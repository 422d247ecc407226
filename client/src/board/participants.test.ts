import { describe, expect, it } from 'vitest'
import { groupParticipants, participantFromAwareness, withoutObservers } from './participants.ts'

describe('the participant list', () => {
  it('reads name and stakeholder group from presence and marks the local user', () => {
    const state = { user: { id: 'u1', name: 'Ingrid', group: 'researcher', color: '#CC79A7' } }
    expect(participantFromAwareness(7, state, 7)).toEqual({
      clientId: 7,
      userId: 'u1',
      name: 'Ingrid',
      group: 'researcher',
      isSelf: true,
    })
  })

  it('skips presence without a known group', () => {
    expect(participantFromAwareness(1, { user: { id: 'u', name: 'X', color: '#000000', group: 'wizard' } }, 2)).toBeUndefined()
    expect(participantFromAwareness(1, {}, 2)).toBeUndefined()
  })

  it('groups by stakeholder group in canonical order and shows a person with two tabs once', () => {
    const grouped = groupParticipants([
      { clientId: 1, userId: 'a', name: 'Åse', group: 'other', isSelf: false },
      { clientId: 2, userId: 'b', name: 'Bo', group: 'civil-servant-strategic', isSelf: false },
      { clientId: 3, userId: 'b', name: 'Bo', group: 'civil-servant-strategic', isSelf: false },
      { clientId: 4, userId: 'c', name: 'Cai', group: 'other', isSelf: true },
    ])
    expect(grouped.map((entry) => entry.group)).toEqual(['civil-servant-strategic', 'other'])
    expect(grouped[0].members).toHaveLength(1)
    expect(grouped[1].members.map((member) => member.name)).toEqual(['Cai', 'Åse'])
  })

  it('reads the role when a client says it, and counts observers apart from the people taking part', () => {
    const state = { user: { id: 'f', name: 'Frida', group: 'researcher', color: '#CC79A7', role: 'facilitator' } }
    expect(participantFromAwareness(3, state, 7)?.role).toBe('facilitator')
    const list = withoutObservers([
      { clientId: 1, userId: 'f', name: 'Frida', group: 'other', isSelf: true, role: 'facilitator' },
      { clientId: 2, userId: 'o', name: 'Olof', group: 'other', isSelf: false, role: 'observer' },
      { clientId: 3, userId: 'o', name: 'Olof', group: 'other', isSelf: false, role: 'observer' },
      { clientId: 4, userId: 'l', name: 'Legacy', group: 'other', isSelf: false },
    ])
    expect(list.observers).toBe(1)
    expect(list.people.map((p) => p.userId)).toEqual(['f', 'l'])
  })
})
