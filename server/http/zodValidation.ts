import type { FastifySchemaCompiler } from 'fastify'
import type { z } from 'zod'
import { HttpError } from './HttpError.ts'

/**
 * Fastify's validatorCompiler for zod schemas: route schemas (params, querystring, body) are the
 * zod schemas in shared/api/, so the server and the client validate with the same code. The
 * parsed value (trimmed, defaulted) replaces the raw one; a refusal is a 400 naming the first
 * problem and where it is.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  return (data: unknown) => {
    const result = schema.safeParse(data)
    if (result.success) return { value: result.data }
    return { error: new HttpError(400, 'bad_request', describeIssue(result.error.issues[0], httpPart, schema)) }
  }
}

function describeIssue(issue: z.core.$ZodIssue, httpPart: string | undefined, schema: z.ZodType): string {
  if (issue.code === 'unrecognized_keys') {
    const shape = (schema as { shape?: Record<string, unknown> }).shape
    return `Unknown field(s): ${issue.keys.join(', ')}.${shape ? ` Allowed: ${Object.keys(shape).join(', ')}.` : ''}`
  }
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : httpPart === 'body' ? '' : `${httpPart ?? 'request'}: `
  return `${where}${issue.message}`
}
