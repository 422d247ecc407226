import type { Page, WebSocket as PwWebSocket } from 'playwright-core'

/** Every frame a page's websockets send and receive, as bytes (for leak checks). */
export function recordFrames(page: Page): { sent: Buffer[]; received: Buffer[] } {
  const frames = { sent: [] as Buffer[], received: [] as Buffer[] }
  page.on('websocket', (ws: PwWebSocket) => {
    ws.on('framesent', (frame) => frames.sent.push(Buffer.from(frame.payload)))
    ws.on('framereceived', (frame) => frames.received.push(Buffer.from(frame.payload)))
  })
  return frames
}
