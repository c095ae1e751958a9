import type { FastifyInstance } from 'fastify'
import { errors } from './errors.js'
import { CONTROL_CHARACTER, controlCharacterRule, type IssueExplanation } from './validation.js'

/** In a path or a query, even a tab or a line break is never meant: those only lay out long text in a body. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole purpose
const CONTROL_OR_LAYOUT = /[\u0000-\u001F\u007F-\u009F]/

/**
 * The first string (value or key) in `input` that `forbidden` matches, with its path, e.g. `photos.0`. The walk keeps
 * its own stack: a body nested a hundred thousand levels deep must be refused, not overflow the call stack.
 */
function findForbiddenText(input: unknown, forbidden: RegExp): string | null {
  const stack: [unknown, string][] = [[input, '']]
  const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`)
  while (stack.length > 0) {
    const [value, path] = stack.pop()!
    if (typeof value === 'string') {
      if (forbidden.test(value)) return path
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, at(path, String(index))]))
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (forbidden.test(key)) return at(path, key)
        stack.push([item, at(path, key)])
      }
    }
  }
  return null
}

/**
 * The request-wide safety net under every route's schema: a control character anywhere in the path parameters, the
 * query or a JSON body is refused with the field named, before validation, any handler or the database sees it. A
 * schema that forgot a field is then still safe (PostgreSQL refuses a NUL with an error, SQLite would store it).
 */
export function refuseControlCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const checks: [string, unknown, RegExp][] = [
      ['params', request.params, CONTROL_OR_LAYOUT],
      ['querystring', request.query, CONTROL_OR_LAYOUT],
      ['body', request.body, CONTROL_CHARACTER],
    ]
    const details: IssueExplanation[] = []
    for (const [part, input, forbidden] of checks) {
      const field = findForbiddenText(input, forbidden)
      if (field !== null)
        details.push({
          field: field || part,
          message: controlCharacterRule.params.zh,
          messageEn: controlCharacterRule.message,
        })
    }
    if (details.length > 0) throw errors.validation(details)
  })
}
