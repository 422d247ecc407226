import { isIPv6 } from 'node:net'

/**
 * The key a client address counts under for the HTTP quotas: an IPv4 address as it is; an IPv6
 * address by its /64 (one household or phone usually holds a whole /64, so counting single
 * addresses would give it billions of quotas); an IPv4-mapped IPv6 address as the IPv4 one.
 */
export function addressKey(ip: string): string {
  if (!isIPv6(ip)) return ip.toLowerCase()
  const groups = expandIPv6(ip)
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address (zone index dropped, embedded IPv4 read). */
function expandIPv6(ip: string): number[] {
  let text = ip.split('%')[0].toLowerCase()
  let tail: number[] = []
  const embedded = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (embedded) {
    const [a, b, c, d] = embedded[2].split('.').map(Number)
    tail = [(a << 8) | b, (c << 8) | d]
    text = embedded[1].endsWith('::') ? embedded[1] : embedded[1].slice(0, -1)
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)))
  const [front, back] = text.includes('::') ? text.split('::').map(parse) : [parse(text), []]
  const missing = 8 - front.length - back.length - tail.length
  return [...front, ...Array<number>(Math.max(0, missing)).fill(0), ...back, ...tail]
}
