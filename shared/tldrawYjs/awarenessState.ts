import { z } from 'zod'
import { roleSchema } from '../roles.ts'
import { stakeholderGroupSchema } from '../stakeholderGroups.ts'

/*
 * What a coboard client puts in its Yjs awareness state (y-protocols Awareness). The server
 * relays it; other clients read `user` for the participant list and turn `presence` into a
 * tldraw instance_presence record (cursor, selection, viewport for "follow").
 *
 *   {
 *     user: { id, name, color, group, role? }, // who: id is the browser's identity id (no "user:")
 *     presence: { ... } | null,            // where: null until the editor has a page and camera
 *     ready?: { checkId, done },           // the answer to the facilitator's ready check (issue 10)
 *   }
 *
 * Bounds are generous for real use and small enough that one peer cannot make every other
 * client hold megabytes (a scribble with 10,000 points, 100,000 selected ids).
 */

const MAX_SELECTED_SHAPES = 5_000
const MAX_SCRIBBLES = 16
const MAX_SCRIBBLE_POINTS = 2_000

// zod 4 numbers reject Infinity and NaN.
const finite = z.number()
const pointSchema = z.object({ x: finite, y: finite, z: finite.optional() })
const boxSchema = z.object({ x: finite, y: finite, w: finite, h: finite })

/** The `user` field of an awareness state: who this client is. */
export const awarenessUserSchema = z.object({
  /** The identity id remembered by the browser (client/src/join/identity.ts), without "user:". */
  id: z.string().min(1).max(64),
  name: z.string().max(60),
  /** Cursor colour, "#rrggbb". */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  group: stakeholderGroupSchema,
  /** The role of the link this client opened the board with (optional: older clients omit it). */
  role: roleSchema.optional(),
})
/** Who a client is, as published in awareness. */
export type AwarenessUser = z.infer<typeof awarenessUserSchema>

/**
 * The `presence` field: tldraw's TLInstancePresence fields except those derived from `user`
 * (id, typeName, userId, userName, color, meta). Checked in depth by tldraw's own record
 * validator when it becomes a record.
 */
export const awarenessPresenceSchema = z.object({
  currentPageId: z.string().startsWith('page:').max(200),
  cursor: z
    .object({ x: finite, y: finite, type: z.string().max(40), rotation: finite })
    .nullable(),
  selectedShapeIds: z.array(z.string().startsWith('shape:').max(200)).max(MAX_SELECTED_SHAPES),
  camera: z.object({ x: finite, y: finite, z: finite }).nullable(),
  screenBounds: boxSchema.nullable(),
  followingUserId: z.string().startsWith('user:').max(200).nullable(),
  brush: boxSchema.nullable(),
  scribbles: z
    .array(z.object({ points: z.array(pointSchema).max(MAX_SCRIBBLE_POINTS) }).passthrough())
    .max(MAX_SCRIBBLES),
  chatMessage: z.string().max(200),
  lastActivityTimestamp: finite.nullable(),
})
/** Where a client is on the board, as published in awareness. */
export type AwarenessPresence = z.infer<typeof awarenessPresenceSchema>

/** A coboard client's whole awareness state; other fields are allowed and ignored. */
export const awarenessStateSchema = z.looseObject({
  user: awarenessUserSchema,
  presence: awarenessPresenceSchema.nullable().optional(),
})
/** A parsed coboard awareness state. */
export type AwarenessState = z.infer<typeof awarenessStateSchema>
