import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/*
 * Runs SQLite's WAL checkpoints on a worker thread with its own connection. A checkpoint copies the
 * write-ahead log into the database file and fsyncs it; on the main thread (SQLite's default
 * auto-checkpoint) that fsync stalls every board's traffic for milliseconds. Plain JavaScript,
 * evaluated as CommonJS, so it runs the same under tsx, vitest and plain node.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)') } catch (error) { parentPort.postMessage({ error: String(error) }) }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  checkpoint()
  db.close()
  parentPort.postMessage({ stopped: true })
})
`

/** Checkpoints a WAL-mode SQLite file every `intervalMs`, off the main thread, until `stop()`. */
export class WalCheckpointer {
  private readonly worker: Worker

  constructor(file: string, intervalMs: number, onError: (message: string) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, driver } })
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) onError(message.error)
    })
    this.worker.on('error', (error) => onError(error.message))
    this.worker.unref()
  }

  /** Runs a last checkpoint, closes the worker's connection and ends the thread. */
  async stop(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      this.worker.on('message', (message: { stopped?: boolean }) => message.stopped && resolve())
      this.worker.once('exit', () => resolve())
    })
    // The worker is unref'd so that it never keeps a process alive on its own; while we wait for
    // its last checkpoint it must, or a script whose only remaining work is this wait (a bench,
    // a CLI) ends with "unsettled top-level await" (exit code 13) before the store is closed.
    this.worker.ref()
    this.worker.postMessage('stop')
    await stopped
    await this.worker.terminate()
  }
}
