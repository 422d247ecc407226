/**
 * bench:attacks — what a hostile participant costs everyone else. One coboard server; a victim
 * board with N clients changing their notes 5 times a second (as bench:server); meanwhile, on
 * another board, an attacker sends updates that can never apply (each builds on a change it never
 * sends), ~1.9 MB each, as fast as the rate limits allow, reconnecting whenever it is closed.
 * Before the hardening, 150 such updates from one connection held 285 MB and pushed an unrelated
 * board's p99 to 4.9 s. Prints the victim's latency and the server's memory without and with
 * the attack, side by side, and how far the attacker got.
 *
 *   npm run bench:attacks                  # N = 10, 20 s per phase
 *   BENCH_SECONDS=10 BENCH_N=20 npm run bench:attacks
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeUpdate } from '../shared/protocol.ts'
import { writeRecords } from '../shared/tldrawYjs/recordsDoc.ts'
import { makeNote } from '../shared/tldrawYjs/testing.ts'
import { toRichText } from '@tldraw/tlschema'
import { rssOf, runLoad, startCoboard, type Result } from './support/serverLoad.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)
const N = Number(process.env.BENCH_N ?? 10)

interface AttackTally {
  connections: number
  updatesSent: number
  bytesSent: number
  closes: Map<number, number>
  peakRss: number
}

/** Runs the attack until `stop()`; returns what it did. */
function attack(urlFor: () => string, pid: number): { stop: () => Promise<AttackTally> } {
  const tally: AttackTally = { connections: 0, updatesSent: 0, bytesSent: 0, closes: new Map(), peakRss: 0 }
  let running = true
  const payload = 'z'.repeat(1_900_000)
  const loop = (async () => {
    while (running) {
      tally.connections++
      const ws = new WebSocket(urlFor(), { perMessageDeflate: false })
      const closed = new Promise<void>((resolve) =>
        ws.once('close', (code) => {
          tally.closes.set(code, (tally.closes.get(code) ?? 0) + 1)
          resolve()
        }),
      )
      ws.once('error', () => {})
      await new Promise<void>((resolve) => ws.once('open', () => resolve()).once('close', () => resolve()))
      if (ws.readyState !== WebSocket.OPEN) continue
      ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
      const evil = new Y.Doc()
      writeRecords(evil, [makeNote('never-sent')]) // the change everything else builds on
      for (let i = 0; running && ws.readyState === WebSocket.OPEN; i++) {
        const before = Y.encodeStateVector(evil)
        writeRecords(evil, [{ ...makeNote(`held-${i}`), props: { ...makeNote('x').props, richText: toRichText(payload) } }])
        const update = Y.encodeStateAsUpdate(evil, before)
        ws.send(encodeUpdate(update))
        tally.updatesSent++
        tally.bytesSent += update.length
        tally.peakRss = Math.max(tally.peakRss, rssOf(pid).rss)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      ws.close()
      await closed
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return tally
    },
  }
}

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a')

async function main() {
  console.log(`bench:attacks — victim board with ${N} clients, ${SECONDS} s per phase, node ${process.version}`)
  const target = await startCoboard()
  try {
    const quiet: Result = await runLoad(target, N, SECONDS)
    // The attacker holds a participant link of a board of its own, not the victim's.
    const urlFor = await target.roomUrl()
    const running = attack(() => urlFor(0), target.process.pid as number)
    const attacked: Result = await runLoad(target, N, SECONDS)
    const tally = await running.stop()
    const closes = [...tally.closes].map(([code, count]) => `${code}×${count}`).join(', ')
    console.log('\nphase\tvictim p50 ms\tp95 ms\tp99 ms\tdelivered\tserver RSS MiB\tpeak RSS MiB')
    console.log(['no attack', f(quiet.p50), f(quiet.p95), f(quiet.p99), `${f(quiet.deliveryRatio * 100)}%`, f(quiet.rss, 0), f(quiet.peakRss, 0)].join('\t'))
    console.log(
      ['held-update attack', f(attacked.p50), f(attacked.p95), f(attacked.p99), `${f(attacked.deliveryRatio * 100)}%`, f(attacked.rss, 0), f(Math.max(attacked.peakRss, tally.peakRss), 0)].join('\t'),
    )
    console.log(
      `\nattacker: ${tally.connections} connections, ${tally.updatesSent} updates, ${f(tally.bytesSent / 1024 / 1024, 0)} MiB sent; closed with ${closes || 'nothing'}`,
    )
    console.log(`victim p99 with / without the attack: ${f(attacked.p99 / quiet.p99, 2)}`)
  } finally {
    await target.stop()
  }
}

await main()
process.exit(0)
