import net from 'node:net'

/** What came back on a raw TCP connection: the parsed status line and headers, and the raw text. */
export interface RawResponse {
  /** 0 when the server closed the connection without an HTTP answer. */
  status: number
  headers: Record<string, string>
  body: string
  raw: string
}

/** The upgrade headers a websocket client sends, for a hand-written request. */
export const UPGRADE_HEADERS =
  'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n'

/** Parses the first HTTP response in `raw` (status 0 when there is none). */
export function parseRawResponse(raw: string): RawResponse {
  const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n/.exec(raw)
  if (!match) return { status: 0, headers: {}, body: '', raw }
  const end = raw.indexOf('\r\n\r\n')
  const headers: Record<string, string> = {}
  for (const line of raw.slice(match[0].length, end === -1 ? undefined : end).split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: Number(match[1]), headers, body: end === -1 ? '' : raw.slice(end + 4), raw }
}

/**
 * Sends bytes exactly as given (no client library normalises them) and collects the answer until
 * the server closes the connection, a complete response has arrived, or `timeoutMs` passes.
 */
export function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    const chunks: Buffer[] = []
    let settled = false
    const finish = () => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(parseRawResponse(Buffer.concat(chunks).toString('latin1')))
    }
    const timer = setTimeout(finish, timeoutMs)
    socket.on('connect', () => socket.write(request))
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      // A response with a Content-Length is complete once its body is there.
      const text = Buffer.concat(chunks).toString('latin1')
      const parsed = parseRawResponse(text)
      const length = Number(parsed.headers['content-length'])
      if (parsed.status !== 0 && text.includes('\r\n\r\n') && Number.isFinite(length) && Buffer.byteLength(parsed.body, 'latin1') >= length) finish()
    })
    socket.on('end', finish)
    socket.on('close', finish)
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the server answered (or refused) still counts as an answer; no connection
      // at all is a failure of the server.
      if (error.code === 'ECONNREFUSED') {
        settled = true
        clearTimeout(timer)
        reject(error)
      } else finish()
    })
  })
}
