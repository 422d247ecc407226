import { z } from 'zod'

export const clientConfigSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
  maxUploadBytes: z.number(),
  uploadTypes: z.array(z.string()),
  /** Largest websocket frame the server accepts (older servers: assume the 2 MiB default). */
  maxMessageBytes: z.number().default(2 * 1024 * 1024),
  /** `key`: creating a board needs the creation key (CREATE_BOARDS=key); older servers omit it. */
  createBoards: z.enum(['open', 'key']).default('open'),
})
/** What `GET /api/config` answers: run-time settings the browser needs. */
export type ClientConfig = z.infer<typeof clientConfigSchema>

export const healthSchema = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), problems: z.array(z.string()) })])
/** What `GET /healthz` answers: 200 `{ ok: true }`, or 503 with what the instance cannot reach. */
export type HealthReport = z.infer<typeof healthSchema>

export const serverTimeSchema = z.object({ now: z.number() })
/** What `GET /api/time` answers: the server's clock, ms since epoch (for the session timer). */
export type ServerTime = z.infer<typeof serverTimeSchema>
