import { describe, expect, it } from 'vitest'
import { quotaKey } from './rateLimits.ts'

describe('quotaKey', () => {
  it('keeps IPv4 addresses as they are', () => {
    expect(quotaKey('boards', '203.0.113.7')).toBe('boards:203.0.113.7')
  })

  it('counts IPv6 addresses by their /64, however they are written', () => {
    const home = quotaKey('boards', '2001:db8:85a3:42::1')
    expect(home).toBe('boards:2001:db8:85a3:42::')
    expect(quotaKey('boards', '2001:0DB8:85A3:0042:ffff:ffff:ffff:fffe')).toBe(home)
    expect(quotaKey('boards', '2001:db8:85a3:42:1:2:3:4%eth0')).toBe(home)
    expect(quotaKey('boards', '2001:db8:85a3:43::1')).not.toBe(home)
    expect(quotaKey('boards', '::1')).toBe('boards:::')
    expect(quotaKey('boards', 'fe80::1:2.3.4.5')).toBe('boards:fe80::')
  })

  it('reads an IPv4-mapped IPv6 address as the IPv4 one', () => {
    expect(quotaKey('boards', '::ffff:203.0.113.7')).toBe('boards:203.0.113.7')
    expect(quotaKey('boards', '::ffff:cb00:7107')).toBe('boards:203.0.113.7')
  })

  it('gives each quota its own counter for the same address', () => {
    expect(quotaKey('uploads', '203.0.113.7')).not.toBe(quotaKey('boards', '203.0.113.7'))
  })
})
