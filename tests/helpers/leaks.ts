import fs from 'node:fs'
import path from 'node:path'

/** How often `text` (UTF-8) occurs in the bytes. */
export function occurrences(buffers: readonly Uint8Array[], text: string): number {
  const needle = Buffer.from(text, 'utf8')
  let count = 0
  for (const bytes of buffers) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, at + 1)) count++
  }
  return count
}

/** Every file under the server's data directory (the SQLite database, its WAL and shared memory), read raw. */
export function storeFiles(dataDir: string): Array<{ name: string; bytes: Buffer }> {
  const files: Array<{ name: string; bytes: Buffer }> = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.push({ name: path.relative(dataDir, full), bytes: fs.readFileSync(full) })
    }
  }
  walk(dataDir)
  return files
}

/** The raw bytes of every file of the server's store. */
export function storeBytes(dataDir: string): Buffer[] {
  return storeFiles(dataDir).map((file) => file.bytes)
}

/** Total bytes of a list of buffers (for the leak checks' counts). */
export function totalBytes(buffers: readonly Uint8Array[]): number {
  return buffers.reduce((sum, b) => sum + b.byteLength, 0)
}
