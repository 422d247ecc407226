import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { UPLOAD_TYPES } from '../../shared/api/assets.ts'
import type { clientConfigSchema, HealthReport, healthSchema, serverTimeSchema } from '../../shared/api/config.ts'
import type { Config } from '../config.ts'

/**
 * `GET /api/config` (run-time settings for the browser), `GET /api/time` (the server's clock) and
 * `GET /healthz` (for supervisors and proxies).
 */
export async function configRoutes(app: FastifyInstance, options: { config: Config; health: () => Promise<HealthReport> }): Promise<void> {
  const { config } = options
  app.get('/api/config', async (): Promise<z.input<typeof clientConfigSchema>> => ({
    tldrawLicenseKey: config.tldrawLicenseKey ?? null,
    maxUploadBytes: config.limits.maxUploadBytes,
    uploadTypes: [...UPLOAD_TYPES],
    // The client sends large changes in parts below this.
    maxMessageBytes: config.limits.maxMessageBytes,
    // Only whether a key is needed: the key itself never leaves the server.
    createBoards: config.createBoards.mode,
  }))
  // 503 when the store or the relay cannot be reached: a load balancer then takes the instance out.
  app.get('/healthz', async (_request, reply): Promise<z.input<typeof healthSchema>> => {
    const report = await options.health()
    if (!report.ok) reply.code(503)
    return report
  })
  // The server's clock, so that every device counts the session timer down to the same end.
  app.get('/api/time', async (): Promise<z.input<typeof serverTimeSchema>> => ({ now: Date.now() }))
}
