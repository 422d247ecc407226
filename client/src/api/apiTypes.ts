// Responses of the coboard server (see README "HTTP API"), validated at the boundary so that the
// UI can trust their types. The schemas live in shared/api/, where the server's routes use them too.

export { apiErrorBodySchema, type ApiErrorBody } from '../../../shared/api/errors.ts'
export { boardInfoSchema, boardLinksSchema, createdBoardSchema, type BoardInfo, type CreatedBoard } from '../../../shared/api/boards.ts'
export { clientConfigSchema, type ClientConfig } from '../../../shared/api/config.ts'
export { uploadedAssetSchema, type UploadedAsset } from '../../../shared/api/assets.ts'
