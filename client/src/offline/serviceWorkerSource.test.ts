import { describe, expect, it } from 'vitest'
import { precacheList, serviceWorkerSource } from './serviceWorkerSource.ts'

describe('service worker', () => {
  it('stores the app, our four languages and no source maps', () => {
    const list = precacheList(
      ['index.html', 'assets/index-AbCd1234.js', 'assets/index-AbCd1234.js.map', 'assets/index-XyZ_9876.css', 'assets/da-B9KANnZF.json', 'assets/de-6grjWAqO.json', 'assets/no-Q1w2E3r4.json', 'assets/zh-cn-Q1w2E3r4.json', 'assets/Shantell-aB12cD34.woff2'],
      ['en', 'da', 'sv', 'no'],
    )
    expect(list).toEqual(['/index.html', '/assets/index-AbCd1234.js', '/assets/index-XyZ_9876.css', '/assets/da-B9KANnZF.json', '/assets/no-Q1w2E3r4.json', '/assets/Shantell-aB12cD34.woff2'])
  })

  it('is valid JavaScript that names its build and its files', () => {
    const source = serviceWorkerSource({ version: 'abc123', precache: ['/index.html', '/assets/a.js'] })
    expect(() => new Function(source)).not.toThrow()
    expect(source).toContain("const CACHE = 'coboard-abc123'")
    expect(source).toContain('["/index.html","/assets/a.js"]')
  })
})
