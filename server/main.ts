import { ensureClientBuilt } from './clientBuild.ts'
import { CoboardServer } from './CoboardServer.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './logger.ts'

// The only place that reads process.env: everything else receives the validated Config.
let config
try {
  config = loadConfig(process.env)
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(2)
  }
  throw error
}
const log = createLogger(config.logLevel)
if (!config.dev && config.buildClient) await ensureClientBuilt(log)
let server: CoboardServer
try {
  server = await CoboardServer.open(config, log)
} catch (error) {
  log.fatal({ err: error }, (error as Error).message)
  console.error((error as Error).message)
  process.exit(2)
}
const { port, url } = await server.start()
log.info({ port, host: config.host, url, dataDir: config.dataDir }, `coboard listening on ${url}`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  })
}
