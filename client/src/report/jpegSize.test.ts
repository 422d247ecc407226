import { describe, expect, it } from 'vitest'
import { jpegSize } from './jpegSize.ts'

describe('jpegSize', () => {
  it('reads width and height from the start-of-frame marker after other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x84, 0x06, 0x40, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    expect(jpegSize(new Uint8Array([0xff, 0xd8, ...app0, ...sof0]))).toEqual({ width: 1600, height: 900 })
  })

  it('refuses what is not a JPEG', () => {
    expect(jpegSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined()
  })
})
