import type { FastifyInstance } from 'fastify'
import { errors } from './errors.js'
import { BIDI_CONTROL } from './text.js'
import { bidiControlRule, CONTROL_CHARACTER, controlCharacterRule, type IssueExplanation } from './validation.js'

/** In a path or a query, even a tab or a line break is never meant: those only lay out long text in a body. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole purpose
const CONTROL_OR_LAYOUT = /[\u0000-\u001F\u007F-\u009F]/

/**
 * The first string (value or key) in `input` that one of `refusals` matches, with its path (e.g. `photos.0`) and the
 * rule it breaks. The walk keeps its own stack: a body nested a hundred thousand levels deep must be refused, not
 * overflow the call stack.
 */
function findForbiddenText(input: unknown, refusals: Refusal[]): { path: string; refusal: Refusal } | null {
  const stack: [unknown, string][] = [[input, '']]
  const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`)
  const broken = (text: string) => refusals.find(({ forbidden }) => forbidden.test(text))
  while (stack.length > 0) {
    const [value, path] = stack.pop()!
    if (typeof value === 'string') {
      const refusal = broken(value)
      if (refusal) return { path, refusal }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, at(path, String(index))]))
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) {
        const refusal = broken(key)
        if (refusal) return { path: at(path, key), refusal }
        stack.push([item, at(path, key)])
      }
    }
  }
  return null
}

interface Refusal {
  forbidden: RegExp
  rule: typeof controlCharacterRule
}
const bidiControl: Refusal = { forbidden: BIDI_CONTROL, rule: bidiControlRule }

/**
 * The request-wide safety net under every route's schema: a control character or a bidi control anywhere in the path
 * parameters, the query or a JSON body is refused with the field named, before validation, any handler or the
 * database sees it. A schema that forgot a field is then still safe (PostgreSQL refuses a NUL with an error, SQLite
 * would store it; a bidi override would be shown to everyone reordered).
 */
export function refuseControlCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const checks: [string, unknown, Refusal[]][] = [
      ['params', request.params, [{ forbidden: CONTROL_OR_LAYOUT, rule: controlCharacterRule }, bidiControl]],
      ['querystring', request.query, [{ forbidden: CONTROL_OR_LAYOUT, rule: controlCharacterRule }, bidiControl]],
      ['body', request.body, [{ forbidden: CONTROL_CHARACTER, rule: controlCharacterRule }, bidiControl]],
    ]
    const details: IssueExplanation[] = []
    for (const [part, input, refusals] of checks) {
      const found = findForbiddenText(input, refusals)
      if (found !== null)
        details.push({
          field: found.path || part,
          message: found.refusal.rule.params.zh,
          messageEn: found.refusal.rule.message,
        })
    }
    if (details.length > 0) throw errors.validation(details)
  })
}
