import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { z } from 'zod'
import { activityCancelSchema, activityCreateSchema, hoursPatchSchema } from '../server/src/features/activities/schemas'
import { guesthouseFieldsSchema } from '../server/src/features/guesthouses/schemas'
import { memberRegisterSchema, verifySchema } from '../server/src/features/members/schemas'
import { feedbackSchema, sessionCreateSchema } from '../server/src/features/sessions/schemas'
import { reportCreateSchema, serviceToggleSchema, stationCreateSchema } from '../server/src/features/stations/schemas'
import { topicFieldsSchema } from '../server/src/features/topics/schemas'
import {
  confirmSchema,
  disputeSchema,
  fulfilSchema,
  releaseSchema,
  reviewSchema,
  staffNoteSchema,
  wishCreateSchema,
} from '../server/src/features/wishes/schemas'
import * as limits from '../server/src/shared/values/limits'

interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  maxLength?: number
  maxItems?: number
}
type Limit = number | { items: number; length: number }

/** The body as the API document describes what a client sends. */
const bodyOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
const concrete = (schema: JsonSchema) => schema.anyOf?.find((s) => s.type !== 'null') ?? schema

/**
 * What the schema lets through at most: a text's length, a list's items — and, for a list of texts typed one a line
 * (`typedItems`), each one's length. Lists of photos or ids count items only: nobody types those.
 */
function schemaLimit(field: JsonSchema, typedItems = false): Limit | undefined {
  const shape = concrete(field)
  if (shape.type === 'string') return shape.maxLength
  if (shape.type !== 'array') return undefined
  if (!typedItems || !shape.items) return shape.maxItems
  return { items: shape.maxItems ?? NaN, length: concrete(shape.items).maxLength ?? NaN }
}

/** Fields a person picks, or that carry a pattern rather than a length: ids, a community, services, a phone, a time. */
const NOT_TYPED = new Set([
  'communityId',
  'topicId',
  'guesthouseId',
  'services',
  'contactPhone',
  'phone',
  'startsAt',
  'endsAt',
])

/** Each body a form sends and the limits its form uses, field by field. */
const BODIES: [string, z.ZodType, Readonly<Record<string, Limit>>][] = [
  ['POST /api/stations', stationCreateSchema, limits.STATION_LIMITS],
  ['POST /api/stations/{id}/reports', reportCreateSchema, limits.REPORT_LIMITS],
  ['POST /api/guesthouses', guesthouseFieldsSchema, limits.GUESTHOUSE_LIMITS],
  ['POST /api/lectures/topics', topicFieldsSchema, limits.TOPIC_LIMITS],
  ['POST /api/lectures/sessions', sessionCreateSchema, limits.SESSION_LIMITS],
  ['POST /api/lectures/sessions/{id}/feedback', feedbackSchema, limits.FEEDBACK_LIMITS],
  ['POST /api/wishes', wishCreateSchema, limits.WISH_LIMITS],
  ['POST /api/members', memberRegisterSchema, limits.MEMBER_LIMITS],
  ['POST /api/activities', activityCreateSchema, limits.ACTIVITY_LIMITS],
]

/** Single texts: [what, the body's schema, the field, the limit the form uses]. */
const TEXTS: [string, z.ZodType, string, number][] = [
  ['a 代办 resident’s name', wishCreateSchema, 'onBehalfOf.name', limits.ON_BEHALF_LIMITS.name],
  ['a service’s note', serviceToggleSchema, 'note', limits.SERVICE_NOTE_LENGTH],
  ['why a registration is turned down', verifySchema, 'reason', limits.VERIFY_REASON_LENGTH],
  ['why a wish is rejected', reviewSchema, 'reason', limits.WISH_STEP_TEXT.reject],
  ['why a claim is released', releaseSchema, 'reason', limits.WISH_STEP_TEXT.release],
  ['what was done for a wish', fulfilSchema, 'note', limits.WISH_STEP_TEXT.fulfil],
  ['thanks', confirmSchema, 'thanks', limits.WISH_STEP_TEXT.confirm],
  ['why a resident disputes', disputeSchema, 'reason', limits.WISH_STEP_TEXT.dispute],
  ['what staff found (settle)', staffNoteSchema, 'note', limits.WISH_STEP_TEXT.settle],
  ['what staff found (reopen)', staffNoteSchema, 'note', limits.WISH_STEP_TEXT.reopen],
  ['why an activity is cancelled', activityCancelSchema, 'reason', limits.ACTIVITY_CANCEL_REASON_LENGTH],
  ['why staff set a volunteer’s hours', hoursPatchSchema, 'reason', limits.HOURS_REASON_LENGTH],
]

const fieldAt = (body: JsonSchema, path: string) =>
  path.split('.').reduce<JsonSchema | undefined>((at, key) => (at ? concrete(at).properties?.[key] : undefined), body)

describe('Form limits', () => {
  it.each(BODIES)(
    '%s: every typed field the schema limits is in the form’s table, with the same number',
    (_b, schema, form) => {
      const body = bodyOf(schema)
      const server = Object.fromEntries(
        Object.entries(body.properties ?? {})
          .filter(([field]) => !NOT_TYPED.has(field))
          .map(([field, spec]) => [field, schemaLimit(spec, typeof form[field] === 'object')] as const)
          .filter(([field, limit]) => limit !== undefined && concrete(body.properties![field]!).type !== 'object'),
      )
      expect(form).toEqual(server)
    },
  )

  it.each(TEXTS)('%s', (_what, schema, path, form) => {
    const field = fieldAt(bodyOf(schema), path)
    expect(field && schemaLimit(field)).toBe(form)
  })

  it('are typed by the app only from the shared table: every text field stops at a limit, none written as a number', () => {
    const root = join(__dirname, '..', 'src')
    const pages = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
      .map((entry) => join(entry.parentPath, entry.name))
    const fields = pages.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<(Input|Textarea)\b([\s\S]*?)\/>/g)].map((m) => ({
        where: `${relative(root, file)}: ${/id="([^"]+)"/.exec(m[2]!)?.[1] ?? m[1]}`,
        attributes: m[2]!,
      })),
    )
    expect(fields.length).toBeGreaterThan(15)
    const numeric = /type="(number|digit)"/
    const unlimited = fields.filter((f) => !numeric.test(f.attributes) && !/maxlength=/.test(f.attributes))
    const literal = fields.filter((f) => /maxlength=\{\d/.test(f.attributes))
    expect({ unlimited: unlimited.map((f) => f.where), literal: literal.map((f) => f.where) }).toEqual({
      unlimited: [],
      literal: [],
    })
  })
})
