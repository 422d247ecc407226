import type { FastifyInstance, FastifyRequest } from 'fastify'
import { normalizeIP } from '@fastify/rate-limit'
import { HttpError } from './HttpError.ts'

/** A per-address limit: `max` requests per `windowMs`, described for the message a client sees. */
export interface AddressLimit {
  /** Names the counter (shared counters in Redis are told apart by it), e.g. "boards". */
  name: string
  max: number
  windowMs: number
  /** What is being limited, e.g. "board creations". */
  what: string
  /** The window in words, e.g. "per hour". */
  per: string
}

/** Checks a request against its address's quota; throws a 429 with Retry-After once it is used up. */
export type AddressLimiter = (request: FastifyRequest) => Promise<void>

/**
 * The counter a request counts on: the quota's name and the client address as @fastify/rate-limit
 * would key it by itself (IPv4 as is, IPv6 by its /64, IPv4-mapped IPv6 as IPv4). Named, because
 * the limiters share one store, and in Redis one key space.
 */
export function quotaKey(name: string, ip: string): string {
  return `${name}:${normalizeIP(ip)}`
}

/**
 * A per-address limiter on @fastify/rate-limit's fixed-window counters: in memory on one process,
 * in Redis when several instances share the quotas (REDIS_URL; see createHttpApp). The address is
 * `request.ip`: the TCP peer, or the client a trusted proxy names (TRUST_PROXY); IPv6 addresses
 * count per /64, which one household or phone usually holds in full.
 */
export function addressLimiter(app: FastifyInstance, limit: AddressLimit): AddressLimiter {
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => quotaKey(limit.name, request.ip),
  })
  return async (request) => {
    // No address: the client reset the connection before this request was looked at. Nobody is
    // there to answer, and nothing should be done on its behalf.
    if (!request.ip) throw new HttpError(400, 'bad_request', 'The connection closed before the request was handled.')
    const result = await check(request)
    if (result.isAllowed || !result.isExceeded) return
    const wait = Math.max(1, result.ttlInSeconds)
    const inWords = wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`
    throw new HttpError(
      429,
      'rate_limited',
      `Too many ${limit.what} from your address: at most ${limit.max} ${limit.per}. Try again in ${inWords}.`,
      {},
      { 'Retry-After': String(wait) },
    )
  }
}
