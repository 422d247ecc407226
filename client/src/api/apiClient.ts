import type { z } from 'zod'
import { CREATE_KEY_HEADER, type CreateBoardRequest } from '../../../shared/api/boards.ts'
import {
  apiErrorBodySchema,
  boardInfoSchema,
  clientConfigSchema,
  createdBoardSchema,
  uploadedAssetSchema,
  type BoardInfo,
  type ClientConfig,
  type CreatedBoard,
  type UploadedAsset,
} from './apiTypes.ts'

/** An HTTP error from the coboard API, with the server's status, error code and message. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export async function readJson<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const error = apiErrorBodySchema.safeParse(body)
    throw error.success
      ? new ApiError(response.status, error.data.error, error.data.message)
      : new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiError(response.status, 'bad_response', 'Unexpected response from the server')
  return parsed.data
}

export function bearer(token: string): HeadersInit {
  return { Authorization: `Bearer ${token}` }
}

/**
 * Creates a board and returns its three links. `creationKey` is needed when the server restricts
 * board creation (CREATE_BOARDS=key): without it the server answers `creation_key_required`,
 * with a wrong one `bad_creation_key`.
 */
export async function createBoard(body: CreateBoardRequest, creationKey?: string): Promise<CreatedBoard> {
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(creationKey ? { [CREATE_KEY_HEADER]: creationKey } : {}) },
    body: JSON.stringify(body),
  })
  return readJson(response, createdBoardSchema)
}

/** Reads a board's title, locale and the role the token grants. */
export async function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, { headers: bearer(token) })
  return readJson(response, boardInfoSchema)
}

/** Reads run-time settings: the tldraw licence key and the upload limits. */
export async function fetchClientConfig(): Promise<ClientConfig> {
  return readJson(await fetch('/api/config'), clientConfigSchema)
}

/** Uploads an image to the board; the server answers with a same-origin URL to reference it by. */
export async function uploadAsset(options: {
  boardId: string
  token: string
  file: Blob
  signal?: AbortSignal
}): Promise<UploadedAsset> {
  const response = await fetch(`/api/boards/${encodeURIComponent(options.boardId)}/assets`, {
    method: 'POST',
    headers: { ...bearer(options.token), 'Content-Type': options.file.type },
    body: options.file,
    signal: options.signal,
  })
  return readJson(response, uploadedAssetSchema)
}
