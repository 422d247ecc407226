import { z } from 'zod'

/**
 * Every error code the HTTP API answers with, in the body `{ error, message }` (README "HTTP
 * API"). A client switches on the code; the message is for people.
 */
export const API_ERROR_CODES = [
  'bad_json',
  'bad_request',
  'unknown_template',
  'unauthorized',
  'forbidden',
  'not_found',
  'too_large',
  'unsupported_type',
  'invalid_template',
  'template_exists',
  'creation_key_required',
  'bad_creation_key',
  'rate_limited',
  'quota_exceeded',
  'vote_open',
  'vote_closed',
  'bad_ballot',
  'not_joined',
  'wrong_group',
  'server_error',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/**
 * An error body. Codes are kept as strings so that a client keeps working when a newer server
 * adds one; `validTemplates` comes with unknown_template, `errors` with invalid_template.
 */
export const apiErrorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  validTemplates: z.array(z.string()).optional(),
  errors: z.array(z.string()).optional(),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>
