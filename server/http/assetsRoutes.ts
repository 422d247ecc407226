import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { assetParamsSchema, UPLOAD_TYPES, type UploadedAsset } from '../../shared/api/assets.ts'
import { boardParamsSchema } from '../../shared/api/boards.ts'
import { canUploadAssets } from '../../shared/roles.ts'
import type { BoardService } from '../boards/BoardService.ts'
import { newAssetId } from '../boards/tokens.ts'
import { detectImageType } from '../boards/uploads.ts'
import type { DocStore } from '../store/DocStore.ts'
import { requireAccess } from './boardAccess.ts'
import { HttpError } from './HttpError.ts'
import type { AddressLimiter } from './rateLimits.ts'

export interface AssetsRoutesOptions {
  boards: BoardService
  store: DocStore
  maxUploadBytes: number
  maxUploadBytesPerBoard: number
  /** Per-address limit on uploads. */
  uploadLimit: AddressLimiter
}

const ASSET_ID = /^[A-Za-z0-9_-]{10,64}$/

/**
 * Images on a board: `POST /api/boards/<id>/assets` (a participant's or facilitator's upload, raw
 * body) and `GET`/`HEAD /api/boards/<id>/assets/<assetId>` (the unguessable id is the capability).
 * Registered as its own plugin: the image body parsers exist only here.
 */
export async function assetsRoutes(app: FastifyInstance, options: AssetsRoutesOptions): Promise<void> {
  const { boards, store } = options
  app.addContentTypeParser([...UPLOAD_TYPES], { parseAs: 'buffer', bodyLimit: options.maxUploadBytes }, (_request, body, done) => done(null, body))

  // Everything that can be refused without the body is refused before it is read: a 10 MB upload
  // from an observer, of the wrong type, or past the quota costs no more than its headers.
  async function admitUpload(request: FastifyRequest<{ Params: z.output<typeof boardParamsSchema> }>): Promise<void> {
    const boardId = request.params.boardId
    await requireAccess(boards, request, boardId, { roles: canUploadAssets, refusal: 'Observer links cannot upload images.' })
    const declaredType = declaredTypeOf(request)
    if (!(UPLOAD_TYPES as readonly string[]).includes(declaredType)) {
      throw new HttpError(415, 'unsupported_type', `Images must be one of ${UPLOAD_TYPES.join(', ')}; got "${declaredType.slice(0, 100) || 'no Content-Type'}".`)
    }
    const declared = Number(request.headers['content-length'])
    if (Number.isFinite(declared) && declared > options.maxUploadBytes) {
      throw new HttpError(413, 'too_large', `The image is ${declared} bytes; the limit is ${options.maxUploadBytes} bytes.`)
    }
    if (Number.isFinite(declared)) {
      const used = await store.assetBytes(boardId)
      if (used + declared > options.maxUploadBytesPerBoard) throw quotaFull(used, options.maxUploadBytesPerBoard)
    }
  }

  app.post<{ Params: z.output<typeof boardParamsSchema>; Body: Buffer }>(
    '/api/boards/:boardId/assets',
    {
      schema: { params: boardParamsSchema },
      // onRequest runs before the params are validated; they are plain strings either way.
      onRequest: [options.uploadLimit, admitUpload],
    },
    async (request, reply): Promise<UploadedAsset> => {
      const { boardId } = request.params
      const data = request.body
      if (!Buffer.isBuffer(data) || data.length === 0) throw new HttpError(400, 'bad_request', 'The upload is empty.')
      const declaredType = declaredTypeOf(request)
      const actualType = detectImageType(data)
      if (actualType !== declaredType) {
        throw new HttpError(415, 'unsupported_type', `The file is not really ${declaredType}: its content looks like ${actualType ?? 'something else'}.`)
      }
      const id = newAssetId()
      const result = await store.putAsset({ boardId, id, mimeType: actualType, data, createdAt: Date.now() }, { maxBoardBytes: options.maxUploadBytesPerBoard })
      if (!result.stored) throw quotaFull(result.usedBytes, options.maxUploadBytesPerBoard)
      reply.code(201)
      return { id, url: `/api/boards/${boardId}/assets/${id}`, mimeType: actualType, size: data.length }
    },
  )

  // HEAD is answered by the same handler (Fastify's exposeHeadRoutes), with the same headers.
  app.get<{ Params: z.output<typeof assetParamsSchema> }>(
    '/api/boards/:boardId/assets/:assetId',
    { schema: { params: assetParamsSchema } },
    async (request, reply) => {
      const { boardId, assetId } = request.params
      const asset = ASSET_ID.test(assetId) ? await store.getAsset(boardId, assetId) : undefined
      if (!asset) throw new HttpError(404, 'not_found', 'No such image.')
      reply.headers({
        'Content-Type': asset.mimeType,
        'Cache-Control': 'private, max-age=31536000, immutable',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      })
      return Buffer.from(asset.data.buffer, asset.data.byteOffset, asset.data.byteLength)
    },
  )
}

function declaredTypeOf(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
}

function quotaFull(usedBytes: number, quota: number): HttpError {
  const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`
  return new HttpError(
    507,
    'quota_exceeded',
    `This board's images have reached its upload quota (${mib(usedBytes)} of ${mib(quota)} used), so no more can be added. The people who run this server can raise MAX_UPLOAD_BYTES_PER_BOARD.`,
  )
}
