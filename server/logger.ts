import pino, { type Logger } from 'pino'

/**
 * The server's structured logger (JSON lines on stdout). Tokens never reach it: websocket URLs
 * are not logged and request logs carry only method and path.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'coboard' },
    redact: { paths: ['token', 'k', 'authorization', 'req.headers.authorization'], censor: '[redacted]' },
  })
}
