import { createRequire } from 'node:module'
import type { FastifyInstance } from 'fastify'

/**
 * Every reply a test API sends is checked against the OpenAPI document that same API publishes: its status must be
 * one the operation lists, and a JSON body must match that response's schema. What does not match is kept here and
 * fails the running test (see `failOnContractMismatches`), naming the operation, the status and what differs.
 */

interface ValidationError {
  instancePath: string
  message?: string
}
type Validate = ((data: unknown) => boolean) & { errors?: ValidationError[] | null }
interface Ajv {
  addSchema(schema: object, key: string): void
  compile(schema: object): Validate
}
interface Operation {
  operationId?: string
  responses?: Record<string, { content?: Record<string, unknown> }>
}
export interface Document {
  paths: Record<string, Record<string, Operation>>
}

// The JSON Schema dialect of OpenAPI 3.1 is 2020-12, which needs Ajv 8; the top-level `ajv` is 6 (for other tools),
// so this takes the Ajv 8 that ajv-formats is installed with.
const requireHere = createRequire(__filename)
const Ajv2020 = createRequire(requireHere.resolve('ajv-formats'))('ajv/dist/2020').default as new (
  options: object,
) => Ajv
const addFormats = requireHere('ajv-formats').default as (ajv: Ajv) => void

const mismatches: string[] = []

/** The mismatches found since the last call, emptied. */
export function takeContractMismatches(): string[] {
  return mismatches.splice(0)
}

/** `/api/wishes/:id` (Fastify) → `/api/wishes/{id}` (OpenAPI). */
const documentPathOf = (routeUrl: string) => routeUrl.replace(/:(\w+)/g, '{$1}')
const mediaTypeOf = (header: unknown) => (typeof header === 'string' ? header : '').split(';')[0]!.trim()

/** One reply as the check needs it: the operation's path as the document writes it (`/api/wishes/{id}`). */
export interface Reply {
  method: string
  path: string
  status: number
  contentType: unknown
  body: string
}

/** Checks every reply of `app` against the document `app` serves; call before the app is ready. */
export function checkRepliesAgainstContract(app: FastifyInstance) {
  let check: ((reply: Reply) => string | null) | undefined
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions
    if (!route.url?.startsWith('/api') || request.method === 'HEAD' || route.schema?.hide) return payload
    try {
      check ??= checkerFor(app.swagger() as unknown as Document)
      const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? '<bytes>' : ''
      const path = documentPathOf(route.url)
      const mismatch = check({
        method: request.method,
        path,
        status: reply.statusCode,
        contentType: reply.getHeader('content-type'),
        body,
      })
      if (mismatch) mismatches.push(mismatch)
    } catch (error) {
      mismatches.push(
        `${request.method} ${route.url} answered ${reply.statusCode}, and checking it failed: ${String(error)}`,
      )
    }
    return payload
  })
}

/**
 * The same check for a reply received over HTTP from an API in another process (the weapp and H5 suites): the
 * document is fetched from that API once, and the operation found from the concrete URL.
 */
export function contractCheckerFor(
  document: Document,
): (reply: Omit<Reply, 'path'> & { url: string }) => string | null {
  const check = checkerFor(document)
  // A fixed segment wins over a parameter (`/api/wishes/review-queue` before `/api/wishes/{id}`).
  const templates = Object.keys(document.paths)
    .map((path) => ({ path, pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => a.path.split('{').length - b.path.split('{').length)
  return ({ url, ...reply }) => {
    const concrete = url.split('?')[0]!
    const path = templates.find(({ pattern }) => pattern.test(concrete))?.path ?? concrete
    return check({ ...reply, path })
  }
}

function checkerFor(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(document, 'openapi')
  const validators = new Map<string, Validate>()
  const validatorAt = (pointer: string) => {
    let validate = validators.get(pointer)
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi#${pointer}` })
      validators.set(pointer, validate)
    }
    return validate
  }
  const escape = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))

  return ({ method: verb, path, status: code, contentType, body }: Reply): string | null => {
    const method = verb.toLowerCase()
    const operation = document.paths[path]?.[method]
    const status = String(code)
    const what = `${verb} ${path} (${operation?.operationId ?? 'not in the document'}) answered ${status}`
    if (!operation) return `${what}, but the document has no such operation`
    const response = operation.responses?.[status]
    if (!response) {
      const listed = Object.keys(operation.responses ?? {}).join(', ')
      return `${what}, a status the document does not list (it lists ${listed}): ${body.slice(0, 300)}`
    }
    if (!response.content) return body === '' ? null : `${what} with a body, where the document describes none`
    const mediaType = mediaTypeOf(contentType)
    if (!(mediaType in response.content)) {
      return `${what} as ${mediaType}, where the document has ${Object.keys(response.content).join(', ')}`
    }
    if (mediaType !== 'application/json') return null
    // Every refusal's schema is the same $ref to ApiError: one validator for all of them.
    const schema = response.content[mediaType] as { schema?: { $ref?: string } }
    const validate = validatorAt(
      schema.schema?.$ref?.startsWith('#/')
        ? schema.schema.$ref.slice(1)
        : ['', 'paths', path, method, 'responses', status, 'content', mediaType, 'schema'].map(escape).join('/'),
    )
    if (validate(JSON.parse(body))) return null
    const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`)
    return `${what} with a body the document does not describe: ${problems.join('; ')} — body ${body.slice(0, 300)}`
  }
}

/** Fails the test in which any reply did not match the document (jest `afterEach`, for the API suites). */
export function failOnContractMismatches() {
  const found = [...new Set(takeContractMismatches())]
  if (found.length > 0) {
    throw new Error(`Replies that the OpenAPI document does not describe:\n- ${found.slice(0, 20).join('\n- ')}`)
  }
}
