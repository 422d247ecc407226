import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { participantFromAwareness, type Participant } from './participants.ts'

function readParticipants(awareness: Awareness): Participant[] {
  const result: Participant[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const participant = participantFromAwareness(clientId, state, awareness.clientID)
    if (participant) result.push(participant)
  }
  return result
}

/** Everyone present on the board according to awareness, kept up to date. */
export function useParticipants(awareness: Awareness): Participant[] {
  const [participants, setParticipants] = useState(() => readParticipants(awareness))
  useEffect(() => {
    // 'change' fires only when someone joins, leaves or changes their state — not on every
    // cursor heartbeat, which 'update' would.
    const onChange = () => setParticipants(readParticipants(awareness))
    onChange()
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])
  return participants
}
