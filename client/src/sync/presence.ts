/*
 * Presence over Yjs awareness: publishes where the local user is (cursor, selection, page,
 * camera and screen bounds for "follow") and shows everyone else as tldraw instance_presence
 * records, which tldraw draws as cursors, selections and the "follow" target.
 *
 * Usage (board page, next to bindStoreToYDoc):
 *
 *   const presence = bindPresence({
 *     store,
 *     awareness: provider.awareness,
 *     user: { id: identity.id, name: identity.name, color, group: identity.group },
 *   })
 *   presence.setUser({ ...user, name: 'New name' })   // after the user renames themselves
 *   presence.dispose()                                  // on unmount
 *
 * For tldraw to treat these as collaborators (and not as the local user), the editor's user id
 * must be the same identity id: pass `userPreferences.id = identity.id` to <Tldraw user=...>;
 * tldraw compares createUserId(that id) with each presence record's userId.
 * The awareness state's shape is awarenessStateSchema in shared/tldrawYjs/awarenessState.ts.
 */
import {
  createUserId,
  getDefaultUserPresence,
  InstancePresenceRecordType,
  UserRecordType,
  type TLInstancePresence,
  type TLStore,
} from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import type { Awareness } from 'y-protocols/awareness'
import {
  awarenessStateSchema,
  awarenessUserSchema,
  type AwarenessPresence,
  type AwarenessUser,
} from '../../../shared/tldrawYjs/awarenessState.ts'
import { defaultScheduler, type FlushScheduler } from './bindStoreToYDoc.ts'

// The awareness state's schema and user type, for callers that only import client/src/sync.
export { awarenessStateSchema, type AwarenessUser } from '../../../shared/tldrawYjs/awarenessState.ts'

/** Options of bindPresence. */
export interface BindPresenceOptions {
  store: TLStore
  awareness: Awareness
  user: AwarenessUser
  /** How publishing is throttled; defaults to the next animation frame (as bindStoreToYDoc). */
  schedule?: FlushScheduler
}

/** A live presence binding. */
export interface PresenceBinding {
  /** Changes the name, colour or group others see. */
  setUser(user: AwarenessUser): void
  /** Publishes the current presence now instead of on the next frame. */
  flush(): void
  /** Clears our presence from awareness and removes others' presence records from the store. */
  dispose(): void
}

/** The instance_presence record id used for one awareness client. */
export function presenceRecordId(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(`awareness-${clientId}`)
}

/**
 * Turns one remote awareness state into an instance_presence record, or null when the state is
 * not a coboard presence (no user, no presence yet, or malformed). Pure.
 */
export function presenceRecordFromAwareness(clientId: number, state: unknown): TLInstancePresence | null {
  const parsed = awarenessStateSchema.safeParse(state)
  if (!parsed.success || !parsed.data.presence) return null
  const { user, presence } = parsed.data
  return InstancePresenceRecordType.create({
    ...(presence as unknown as Omit<TLInstancePresence, 'id' | 'typeName' | 'userId' | 'userName' | 'color' | 'meta'>),
    id: presenceRecordId(clientId),
    userId: createUserId(user.id),
    userName: user.name,
    color: user.color,
    meta: { group: user.group },
  })
}

/** Binds tldraw presence to Yjs awareness until `dispose()`; see the usage example at the top. */
export function bindPresence(options: BindPresenceOptions): PresenceBinding {
  const { store, awareness, schedule = defaultScheduler } = options
  let user = awarenessUserSchema.parse(options.user)
  let lastPublished: AwarenessPresence | null | undefined
  let cancelScheduled: (() => void) | null = null
  let disposed = false
  // Presence records this binding put in the store, by awareness client id.
  const shown = new Set<number>()

  // ---- local -> awareness --------------------------------------------------------------------

  const currentPresence = (): AwarenessPresence | null => {
    const tlUser = UserRecordType.create({ id: createUserId(user.id), name: user.name, color: user.color })
    const info = getDefaultUserPresence(store, tlUser)
    if (!info) return null
    const { userId: _id, userName: _name, color: _color, meta: _meta, ...presence } = info
    return presence as unknown as AwarenessPresence
  }

  const publish = () => {
    cancelScheduled?.()
    cancelScheduled = null
    if (disposed) return
    const presence = currentPresence()
    // y-websocket sends an awareness message on every setLocalStateField call, changed or not:
    // skip identical states so an idle user costs no traffic.
    if (lastPublished !== undefined && isEqual(presence, lastPublished)) return
    lastPublished = presence
    awareness.setLocalStateField('presence', presence)
  }

  const schedulePublish = () => {
    if (!disposed && !cancelScheduled) cancelScheduled = schedule(publish)
  }

  // Presence derives from session records (instance, camera, pointer, page state); the store's
  // listener is itself throttled to frames in the browser, and schedulePublish coalesces again.
  const unlistenStore = store.listen(schedulePublish, { scope: 'session', source: 'all' })

  // ---- awareness -> store --------------------------------------------------------------------

  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    if (disposed) return
    const puts: TLInstancePresence[] = []
    const removes: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const record = presenceRecordFromAwareness(clientId, awareness.getStates().get(clientId))
      let valid: TLInstancePresence | null = null
      if (record) {
        try {
          valid = store.schema.validateRecord(store, record, 'updateRecord', null) as TLInstancePresence
        } catch {
          valid = null // malformed presence from a foreign or broken client: show no cursor
        }
      }
      if (valid) {
        puts.push(valid)
        shown.add(clientId)
      } else if (shown.delete(clientId)) {
        removes.push(presenceRecordId(clientId))
      }
    }
    for (const clientId of removed) {
      if (shown.delete(clientId)) removes.push(presenceRecordId(clientId))
    }
    if (!puts.length && !removes.length) return
    // Remote: never in local undo, and tldraw does not treat it as the user's own activity.
    store.mergeRemoteChanges(() => {
      if (removes.length) store.remove(removes.filter((id) => store.has(id)))
      if (puts.length) store.put(puts)
    })
  }

  awareness.on('change', onChange)
  awareness.setLocalStateField('user', user)
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })
  publish()

  return {
    setUser(next) {
      user = awarenessUserSchema.parse(next)
      awareness.setLocalStateField('user', user)
      lastPublished = undefined
      schedulePublish()
    },
    flush: publish,
    dispose() {
      if (disposed) return
      disposed = true
      cancelScheduled?.()
      unlistenStore()
      awareness.off('change', onChange)
      // Keep `user` (the participant list may outlive the canvas); drop the cursor.
      awareness.setLocalStateField('presence', null)
      const ids = [...shown].map(presenceRecordId).filter((id) => store.has(id))
      shown.clear()
      if (ids.length) store.mergeRemoteChanges(() => store.remove(ids))
    },
  }
}
