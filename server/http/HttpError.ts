import type { FastifyRequest } from 'fastify'
import type { ApiErrorCode } from '../../shared/api/errors.ts'

/** An error that becomes the response `{ error: code, message, ...extra }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

const CODE_FOR_STATUS: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'too_large',
  415: 'unsupported_type',
  429: 'rate_limited',
}

/**
 * Any error that reached the edge, as the HttpError the client gets: Fastify's own (body parsing,
 * bad URLs) in coboard's words; anything unexpected as a 500 that tells nothing of the inside.
 */
export function toHttpError(error: unknown, request?: FastifyRequest): HttpError {
  if (error instanceof HttpError) return error
  const e = error as { code?: string; statusCode?: number; message?: string }
  switch (e.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'bad_json', 'The request body is empty; send a JSON object.')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'bad_json', 'The request body is not valid JSON.')
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request?.routeOptions.bodyLimit
      return new HttpError(413, 'too_large', `The request body is larger than the limit${limit ? ` of ${limit} bytes` : ''}.`)
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = request?.headers['content-type']
      return new HttpError(415, 'unsupported_type', `Send the body as application/json; got ${type ? `"${type.slice(0, 100)}"` : 'no Content-Type'}.`)
    }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'bad_request', 'The Content-Length header does not match the body.')
    case 'FST_ERR_BAD_URL':
      return new HttpError(400, 'bad_request', 'The address is not valid: it has malformed percent-encoding (a % must be followed by two hex digits that spell UTF-8).')
    case 'FST_STATIC_FORBIDDEN_PATH':
      // A path that would leave the client's directory: there is nothing there to find.
      return new HttpError(404, 'not_found', 'Not found.')
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new HttpError(414, 'bad_request', 'A part of the address is too long.')
  }
  const status = e.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, CODE_FOR_STATUS[status] ?? 'bad_request', e.message ?? 'The request was refused.')
  }
  return new HttpError(500, 'server_error', 'Something went wrong on the server; nothing was changed.')
}

/** The JSON body of an error: `{ error, message }` and its extra fields, never a stack trace. */
export function errorBody(error: HttpError): Record<string, unknown> {
  return { error: error.code, message: error.message, ...error.extra }
}
