import { z } from 'zod'
import { BIDI_CONTROL, hasVisibleText } from './text.js'

/**
 * A schema rule whose message a person can read in both languages. zod keeps a rule's `params` on the issue it
 * raises, so the error handler finds the Chinese there and the English in `message`. Messages follow the field's name
 * ("lat 须与 lng 同时提供").
 */
export function rule(zh: string, en: string, path?: string[]) {
  return { message: en, params: { zh }, ...(path ? { path } : {}) }
}

/** lat and lng mean nothing alone. */
/** A yes/no in a query string: `true`/`1` or `false`/`0`. */
export const booleanQuery = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

export const coordinatesTogether = (query: { lat?: number; lng?: number }) =>
  (query.lat === undefined) === (query.lng === undefined)
export const coordinatesTogetherRule = rule('须与 lng 同时提供', 'must come with lng', ['lat'])

/** A field as a PATCH reads it: whatever the create form fills in by default, a change leaves alone unless named. */
function withoutDefault(field: z.core.$ZodType): z.core.$ZodType {
  return field instanceof z.ZodDefault || field instanceof z.ZodPrefault ? withoutDefault(field.unwrap()) : field
}

/**
 * The body of a PATCH made from what creating the thing takes: every field optional and none defaulted, so a body
 * changes exactly the fields it names (a `photos` default of `[]` would otherwise wipe the photos of every change),
 * and a body naming nothing is refused rather than answered with an unchanged row. The document says so too
 * (`minProperties: 1`).
 */
export function patchOf<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(Object.entries(fields.shape).map(([key, field]) => [key, withoutDefault(field)]))
  return (z.object(shape) as unknown as z.ZodObject<Shape>)
    .partial()
    .refine(
      (patch) => Object.keys(patch).length > 0,
      rule('没有要修改的内容，请至少给出一项要改的字段', 'names nothing to change; send at least one field'),
    )
    .meta({ minProperties: 1 })
}

/** A rejection has to say why. */
export const reasonRequiredRule = rule('拒绝时必填', 'is required to reject', ['reason'])

/**
 * C0 controls but tab, newline and carriage return, then DEL and C1: nothing a person types, and PostgreSQL refuses
 * a NUL outright. `controlCharacterRule` is the one message for them, from a schema or from the request-wide check.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole purpose
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
export const controlCharacterRule = rule('含有不允许的控制字符', 'contains a control character')
export const bidiControlRule = rule(
  '含有改变文字显示方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后再提交',
  'contains a text-direction control character (U+202A–U+202E, U+2066–U+2069); remove it and send again',
)
/** Tabs and line breaks lay out long text; in a name, a title or an id they are a paste accident. */
const LAYOUT_CHARACTER = /[\t\n\r]/
const LONE_CARRIAGE_RETURN = /\r(?!\n)/

/**
 * Text a person types, trimmed, refused for control characters and bidi controls, for the layout characters its kind
 * forbids and for having nothing visible in it (`min` 0 lets an empty string mean "none", as optional notes do). Each
 * refusal stops the checks after it: one reason per field.
 */
const typedText = (max: number, min: number, layout: { forbidden: RegExp; rule: ReturnType<typeof rule> }) =>
  z
    .string()
    .trim()
    .refine((text) => !CONTROL_CHARACTER.test(text), { ...controlCharacterRule, abort: true })
    .refine((text) => !BIDI_CONTROL.test(text), { ...bidiControlRule, abort: true })
    .refine((text) => !layout.forbidden.test(text), { ...layout.rule, abort: true })
    .refine((text) => (min === 0 && text === '') || hasVisibleText(text), {
      ...rule('不能只有空白或不可见字符', 'must contain visible text'),
      abort: true,
    })
    .min(min)
    .max(max)

/** One line of text: a name, a title, an address. */
export const line = (max: number, min = 1) =>
  typedText(max, min, {
    forbidden: LAYOUT_CHARACTER,
    rule: rule('只能是一行文字，不能换行或含制表符', 'must be one line, without line breaks or tabs'),
  })

/** Text of several lines: a description, a note, a comment, a reason. Tabs and line breaks (LF or CRLF) are kept. */
export const paragraph = (max: number, min = 1) =>
  typedText(max, min, {
    forbidden: LONE_CARRIAGE_RETURN,
    rule: rule('换行符不正确', 'has a carriage return outside a line break'),
  })

const ID = /^[A-Za-z0-9_-]+$/
const TOKEN = /^[\x21-\x7E]+$/

/** An id the server issued (`wi_…`, `st_…`): letters, digits, `_` and `-`. */
export const identifier = (max = 40) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => ID.test(value), rule('格式不对', 'is not a valid id'))

/** An opaque token passed back as given (a paging cursor, a login or check-in code): printable ASCII, no spaces. */
export const token = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => TOKEN.test(value), rule('格式不对', 'is not a valid token'))

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
export function explainIssue(
  field: string,
  keyword: string,
  messageEn: string,
  params: Record<string, unknown>,
): IssueExplanation {
  const custom = (params.params as { zh?: unknown } | undefined)?.zh
  if (typeof custom === 'string') return { field, message: custom, messageEn }
  if (keyword === 'invalid_type' && /received (undefined|null)$/.test(messageEn))
    return { field, message: '必填', messageEn: 'is required' }
  if (keyword === 'invalid_type') return { field, message: `类型不对，应为 ${String(params.expected)}`, messageEn }
  const localized = chineseMessages({ code: keyword, ...params } as Parameters<typeof chineseMessages>[0])
  const message = typeof localized === 'string' ? localized : localized?.message
  return { field, message: message ?? '格式不对', messageEn }
}
