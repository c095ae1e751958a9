import type { SwaggerOptions, SwaggerTransformObject } from '@fastify/swagger'
import type { FastifySchema, RouteOptions } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Access } from './access.js'
import { errorBodySchema } from './errors.js'
import { withNamedSchemas } from './openapi-components.js'

/** The refusals a handler makes itself; the ones its access, method and input imply are added for it. */
export type HandlerErrorStatus = 401 | 403 | 404 | 409 | 422

declare module 'fastify' {
  interface FastifySchema {
    /** Error statuses the handler itself answers with (404 for a missing id, 409 for a wrong state…). */
    errors?: readonly HandlerErrorStatus[]
  }
}

const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE']
const ERROR_SCHEMA_REF = '#/components/schemas/ApiError'

const refusalDescription = (status: number, access: Access): string => {
  switch (status) {
    case 400:
      return 'Invalid request: VALIDATION_FAILED names each field to fix in error.details; or INVALID_JSON…'
    case 401:
      return 'UNAUTHENTICATED: no valid session token (log in, then send it as Authorization: Bearer …)'
    case 403:
      return Array.isArray(access)
        ? `FORBIDDEN: only for ${access.join(' or ')}, or not this caller’s to do`
        : 'FORBIDDEN'
    case 404:
      return 'NOT_FOUND: nothing with that id, or nothing this caller may see'
    case 409:
      return 'Refused in the current state; error.code says which (e.g. WISH_ALREADY_CLAIMED, BOOKING_CLOSED)'
    case 413:
      return 'PAYLOAD_TOO_LARGE: the body is over the limit'
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE: send JSON (or, for a photo, JPEG, PNG or WebP; for a sheet, .xlsx or .csv)'
    case 422:
      return 'SHEET_HAS_ERRORS: nothing written; error.rows names each refused row and column'
    case 429:
      return 'RATE_LIMITED: too many requests or too much stored; try again after Retry-After seconds'
    case 500:
      return 'INTERNAL: a failure on the server’s side; try again later'
    case 503:
      return (
        'Unavailable: SHUTTING_DOWN (try again), DATABASE_UNAVAILABLE, WECHAT_LOGIN_UNAVAILABLE, UPLOADS_BUSY, ' +
        'WECHAT_UNAVAILABLE'
      )
    default:
      return 'Refused; error.code says why'
  }
}

/**
 * The error schema with the description for a status and access, one per pair: each distinct schema gets its own
 * serializer compiled at start, and a few hundred routes × statuses share a dozen of these.
 */
const refusalSchemas = new Map<string, z.ZodType>()
function refusalSchema(status: number, access: Access): z.ZodType {
  const description = refusalDescription(status, access)
  let schema = refusalSchemas.get(description)
  if (!schema) {
    schema = errorBodySchema.describe(description)
    refusalSchemas.set(description, schema)
  }
  return schema
}

const notModifiedSchema = z.null().describe('Not modified: the If-None-Match ETag still matches')

/**
 * Everything an operation can be refused with: any input can be malformed or be sent too often, a body can be too
 * large or of the wrong type, a token is needed unless the route is public and a role unless any user will do, then
 * whatever the handler itself refuses; and any request can meet a failure on the server's side or an instance that
 * is shutting down.
 */
function errorStatusesOf(method: string, access: Access, declared: readonly HandlerErrorStatus[]): number[] {
  const statuses = new Set<number>([400, 429, 500, 503, ...declared])
  if (BODY_METHODS.includes(method)) [413, 415].forEach((status) => statuses.add(status))
  if (access !== 'public') statuses.add(401)
  if (Array.isArray(access)) statuses.add(403)
  return [...statuses].sort((a, b) => a - b)
}

/** `GET /api/wishes/:id/photos` → `getWishesByIdPhotos`: stable, unique, and readable in a generated client. */
const operationIdOf = (method: string, url: string) =>
  [
    method.toLowerCase(),
    ...url
      .replace(/^\/api\//, '')
      .split(/[/.-]/)
      .filter(Boolean)
      .map((part) => (part.startsWith(':') ? `By${capitalise(part.slice(1))}` : capitalise(part))),
  ].join('')
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * An `onRoute` hook completing each API route's published contract from what the route already declares: its
 * operationId, its security (from `config.access`) and every error status it can answer, each with the one error
 * schema. A route must name its `summary` and `tags`, or the server refuses to start.
 */
export function declareOperation(route: RouteOptions) {
  const method = String(route.method)
  const schema: FastifySchema = route.schema ?? {}
  const access = route.config?.access
  if (!route.url.startsWith('/api') || method === 'HEAD' || schema.hide || access === undefined) return
  if (!schema.summary || !schema.tags?.length)
    throw new Error(`Route ${method} ${route.url} must declare schema.summary and schema.tags`)
  const { errors: declared = [], ...rest } = schema
  const refusals = errorStatusesOf(method, access, declared).map((status) => [status, refusalSchema(status, access)])
  route.schema = {
    ...rest,
    operationId: schema.operationId ?? operationIdOf(method, route.url),
    security: access === 'public' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
    response: {
      ...(schema.response as object),
      ...(method === 'GET' && { 304: notModifiedSchema }),
      ...Object.fromEntries(refusals),
    },
  }
}

/** The parts of the generated document `completeDocument` touches. */
interface GeneratedDocument {
  paths?: Record<string, Record<string, { responses?: Record<string, { content?: object; headers?: object }> }>>
  components?: { schemas?: Record<string, object> }
}

/**
 * The document's last touch (`transformObject` of @fastify/swagger): the named schemas published once, every refusal
 * pointing at the one error schema, and a 429 telling the client when to try again.
 */
export const completeDocument: SwaggerTransformObject = (input) => {
  if (!('openapiObject' in input)) throw new Error('The API publishes OpenAPI 3.1, not Swagger 2')
  const document = withNamedSchemas(input) as GeneratedDocument
  for (const operations of Object.values(document.paths ?? {})) {
    for (const { responses = {} } of Object.values(operations)) {
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue
        response.content = { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } }
        if (status === '429')
          response.headers = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } }
      }
    }
  }
  const { $schema: _dialect, ...apiError } = z.toJSONSchema(errorBodySchema, { target: 'draft-2020-12', io: 'output' })
  return {
    ...document,
    components: { ...document.components, schemas: { ...document.components?.schemas, ApiError: apiError } },
  } as ReturnType<SwaggerTransformObject>
}

/** The document at /api/openapi.json: generated from the routes' zod schemas, completed by the two functions above. */
export const openapiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: '古城红驿 Old Town Hub API',
      version: '0.1.0',
      description: 'Errors: {"error":{"code","message" (中文),"messageEn"}}, code one of ApiError.error.code.',
    },
    servers: [{ url: '/', description: 'The server this document came from' }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/wechat' },
      },
    },
  },
  transform: jsonSchemaTransform,
  transformObject: completeDocument,
}
