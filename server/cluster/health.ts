import type { HealthReport } from '../../shared/api/config.ts'
import type { DocStore } from '../store/DocStore.ts'
import type { Relay } from './Relay.ts'

/** How long the store may take to answer before the instance counts as unhealthy. */
const STORE_TIMEOUT_MS = 2000

/**
 * Whether this instance can do its work: its store answers and, with several instances, its
 * relay is connected. A load balancer takes an instance that is not out of rotation, so that its
 * clients reconnect to one that works (see README, "Several instances").
 */
export async function checkHealth(store: DocStore, relay: Relay): Promise<HealthReport> {
  const problems: string[] = []
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      store.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${STORE_TIMEOUT_MS} ms`)), STORE_TIMEOUT_MS)
      }),
    ])
  } catch (error) {
    problems.push(`PostgreSQL unreachable: ${(error as Error).message}`)
  } finally {
    clearTimeout(timer)
  }
  if (!relay.connected) problems.push('Redis unreachable: updates cannot be relayed to the other instances')
  return problems.length === 0 ? { ok: true } : { ok: false, problems }
}
