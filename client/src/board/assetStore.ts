import type { TLAssetStore } from 'tldraw'
import { ApiError, uploadAsset } from '../api/apiClient.ts'

/** Why an upload was refused, in terms the UI can explain. */
export type UploadProblem = 'tooBig' | 'badType' | 'notAllowed' | 'quotaFull' | 'failed'

/** Maps a failed upload to what we tell the user. */
export function classifyUploadError(error: unknown): UploadProblem {
  if (error instanceof ApiError) {
    if (error.status === 413) return 'tooBig'
    if (error.status === 415) return 'badType'
    if (error.status === 401 || error.status === 403) return 'notAllowed'
    if (error.code === 'quota_exceeded') return 'quotaFull'
  }
  return 'failed'
}

/**
 * tldraw's asset store for a board: pasted or dropped images are uploaded to the coboard server
 * and the board only stores the returned same-origin URL, never the image bytes (a 3 MB photo
 * inlined as base64 would travel to every participant on every sync and bloat the board).
 */
export function createBoardAssetStore(options: {
  boardId: string
  token: string
  maxUploadBytes: number
  uploadTypes: readonly string[]
  onRefused: (problem: UploadProblem) => void
}): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      try {
        // Checked here too so that a refusal costs no upload; the server checks again.
        if (!options.uploadTypes.includes(file.type)) throw new ApiError(415, 'unsupported_type', file.type)
        if (file.size > options.maxUploadBytes) throw new ApiError(413, 'too_large', String(file.size))
        const uploaded = await uploadAsset({
          boardId: options.boardId,
          token: options.token,
          file,
          signal: abortSignal,
        })
        return { src: uploaded.url }
      } catch (error) {
        if (!abortSignal?.aborted) options.onRefused(classifyUploadError(error))
        throw error
      }
    },
    resolve(asset) {
      // The URL is a same-origin path readable without a token (its id is unguessable), so it
      // resolves as it is. Anything else (an old inlined data: URL) is shown as stored.
      return asset.props.src
    },
  }
}
