import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TLAsset } from 'tldraw'
import { createBoardAssetStore, type UploadProblem } from './assetStore.ts'

const asset = {} as TLAsset

function storeWithFetch(answer: Response) {
  const problems: UploadProblem[] = []
  const fetchMock = vi.fn(async () => answer)
  vi.stubGlobal('fetch', fetchMock)
  const store = createBoardAssetStore({
    boardId: 'b1',
    token: 'secret',
    maxUploadBytes: 1000,
    uploadTypes: ['image/png'],
    onRefused: (problem) => problems.push(problem),
  })
  return { store, problems, fetchMock }
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

afterEach(() => vi.unstubAllGlobals())

describe('the board asset store', () => {
  it('uploads with the link token and keeps only the returned URL', async () => {
    const { store, fetchMock } = storeWithFetch(
      json(201, { id: 'a1', url: '/api/boards/b1/assets/a1', mimeType: 'image/png', size: 3 }),
    )
    const result = await store.upload(asset, new File([new Uint8Array(3)], 'x.png', { type: 'image/png' }))
    expect(result).toEqual({ src: '/api/boards/b1/assets/a1' })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/boards/b1/assets')
    expect(init.headers).toMatchObject({ Authorization: 'Bearer secret', 'Content-Type': 'image/png' })
  })

  it('explains a refusal by the server', async () => {
    const { store, problems } = storeWithFetch(json(413, { error: 'too_large', message: 'Too large' }))
    await expect(store.upload(asset, new File([new Uint8Array(3)], 'x.png', { type: 'image/png' }))).rejects.toThrow()
    expect(problems).toEqual(['tooBig'])
  })

  it('refuses a wrong type or an oversized file without uploading it', async () => {
    const { store, problems, fetchMock } = storeWithFetch(json(500, {}))
    await expect(store.upload(asset, new File(['x'], 'x.svg', { type: 'image/svg+xml' }))).rejects.toThrow()
    await expect(store.upload(asset, new File([new Uint8Array(2000)], 'x.png', { type: 'image/png' }))).rejects.toThrow()
    expect(problems).toEqual(['badType', 'tooBig'])
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
