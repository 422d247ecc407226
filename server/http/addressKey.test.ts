import { describe, expect, it } from 'vitest'
import { addressKey } from './addressKey.ts'

describe('addressKey', () => {
  it('keeps IPv4 addresses as they are', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7')
  })

  it('counts IPv6 addresses by their /64, however they are written', () => {
    const home = addressKey('2001:db8:85a3:42::1')
    expect(home).toBe('2001:db8:85a3:42::/64')
    expect(addressKey('2001:0DB8:85A3:0042:ffff:ffff:ffff:fffe')).toBe(home)
    expect(addressKey('2001:db8:85a3:42:1:2:3:4%eth0')).toBe(home)
    expect(addressKey('2001:db8:85a3:43::1')).not.toBe(home)
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('fe80::1:2.3.4.5')).toBe('fe80:0:0:0::/64')
  })

  it('reads an IPv4-mapped IPv6 address as the IPv4 one', () => {
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
    expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7')
  })
})
