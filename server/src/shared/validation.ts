import { z } from 'zod'

/**
 * A schema rule whose message a person can read in both languages. zod keeps a rule's `params` on the issue it
 * raises, so the error handler finds the Chinese there and the English in `message`. Messages follow the field's name
 * ("lat 须与 lng 同时提供").
 */
export function rule(zh: string, en: string, path?: string[]) {
  return { message: en, params: { zh }, ...(path ? { path } : {}) }
}

/** lat and lng mean nothing alone. */
export const coordinatesTogether = (query: { lat?: number; lng?: number }) =>
  (query.lat === undefined) === (query.lng === undefined)
export const coordinatesTogetherRule = rule('须与 lng 同时提供', 'must come with lng', ['lat'])

/** A PATCH that changes nothing is a client mistake worth saying so. */
export const nonEmptyPatch = <T extends z.ZodObject>(schema: T) =>
  schema.refine((patch) => Object.keys(patch).length > 0, rule('没有要修改的内容', 'nothing to change'))

/** A rejection has to say why. */
export const reasonRequiredRule = rule('拒绝时必填', 'is required to reject', ['reason'])

const chineseMessages = z.locales.zhCN().localeError

export interface IssueExplanation {
  field: string
  message: string
  messageEn: string
}

/**
 * One failed check of a request, in Chinese and English. `keyword` and `params` are what the zod type provider
 * keeps of the issue: its code and every property but the path and the message.
 */
export function explainIssue(field: string, keyword: string, messageEn: string, params: Record<string, unknown>): IssueExplanation {
  const custom = (params.params as { zh?: unknown } | undefined)?.zh
  if (typeof custom === 'string') return { field, message: custom, messageEn }
  if (keyword === 'invalid_type' && /received (undefined|null)$/.test(messageEn))
    return { field, message: '必填', messageEn: 'is required' }
  if (keyword === 'invalid_type') return { field, message: `类型不对，应为 ${String(params.expected)}`, messageEn }
  const localized = chineseMessages({ code: keyword, ...params } as Parameters<typeof chineseMessages>[0])
  const message = typeof localized === 'string' ? localized : localized?.message
  return { field, message: message ?? '格式不对', messageEn }
}
