import pino, { type DestinationStream, type Logger } from 'pino'

/**
 * The server's structured logger (JSON lines on stdout). Tokens never reach it: websocket URLs
 * are not logged and request logs carry only method and path.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'coboard' },
    redact: { paths: ['token', 'k', 'authorization', 'req.headers.authorization'], censor: '[redacted]' },
  }
  // A destination other than stdout: tests read what the server logs.
  return destination ? pino(options, destination) : pino(options)
}
