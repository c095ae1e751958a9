import { z } from 'zod'
import { nameSchemas } from '../../shared/openapi-components.js'
import { originQuery } from '../../shared/params.js'
import { booleanQuery, identifier, line, paragraph, reasonRequiredRule, rule, token } from '../../shared/validation.js'
import { ON_BEHALF_LIMITS, WISH_LIMITS, WISH_STEP_TEXT } from '../../shared/values/limits.js'
import { WISH_CATEGORIES, WISH_STATUSES } from '../../shared/values/orders.js'

/** What the public wall may show; the rest is seen only by the people involved and staff. */
export const PUBLIC_STATUSES = ['published', 'claimed', 'fulfilled', 'confirmed'] as const

const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'expected a mainland mobile or landline number')

/** How a resident agreed to staff posting for them: face to face, on the phone, or through their family. */
export const ON_BEHALF_CONSENTS = ['in_person', 'phone', 'family'] as const

export const wishCreateSchema = z
  .object({
    category: z.enum(WISH_CATEGORIES),
    title: line(WISH_LIMITS.title, 2),
    description: paragraph(WISH_LIMITS.description),
    communityId: identifier(),
    contactPhone: phone
      .optional()
      .describe('who a claimant calls: the resident, or for a wish posted on behalf the staff member who posted it'),
    urgent: z.boolean().default(false),
    preferredTime: line(WISH_LIMITS.preferredTime, 0).optional(),
    photoIds: z.array(identifier()).max(WISH_LIMITS.photoIds).default([]),
    onBehalfOf: z
      .object({ name: line(ON_BEHALF_LIMITS.name, 1), phone })
      .optional()
      .describe(
        '代办 (staff of the community only; anyone else 403): the resident without an account the wish is for. ' +
          'Their name is shown masked like any other, their phone only to staff.',
      ),
    consent: z.enum(ON_BEHALF_CONSENTS).optional().describe('with onBehalfOf: how the resident agreed'),
  })
  .refine(
    (w) => (w.onBehalfOf === undefined) === (w.consent === undefined),
    rule('代居民提交时须同时填写居民信息和同意方式', 'comes with onBehalfOf, and onBehalfOf with it', ['consent']),
  )
  .refine(
    (w) => w.onBehalfOf === undefined || w.contactPhone !== undefined,
    rule(
      '代居民提交时请填写您的联系电话，认领的党员会联系您',
      'is required with onBehalfOf: the claimant calls the staff member who posted it',
      ['contactPhone'],
    ),
  )
export type WishCreate = z.input<typeof wishCreateSchema>

export const wishPublicSchema = z.object({
  id: z.string(),
  category: z.enum(WISH_CATEGORIES),
  title: z.string(),
  description: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  communityNameEn: z.string(),
  urgent: z.boolean(),
  preferredTime: z.string().nullable(),
  photos: z.array(z.string()),
  status: z.enum(WISH_STATUSES),
  /** The resident's name, masked for the public (张**). */
  residentName: z.string(),
  onBehalf: z.boolean().describe('社区代提交: staff posted it for a resident who has no account'),
  createdAt: z.string(),
  /** Metres from the visitor to the wish's community, when the list was asked for with lat/lng. */
  distanceM: z.number().int().nullable().optional(),
})
export type WishPublic = z.infer<typeof wishPublicSchema>

/** What the resident, the claimant and community staff see: contact details and the whole story. */
export const wishFullSchema = wishPublicSchema.extend({
  residentId: z.string().nullable(),
  residentName: z.string(),
  contactPhone: z.string().nullable(),
  reviewReason: z.string().nullable(),
  claimedBy: z.object({ id: z.string(), nickname: z.string() }).nullable(),
  claimedAt: z.string().nullable(),
  fulfilNote: z.string().nullable(),
  /** The photo the member took when the help was given. */
  fulfilPhoto: z.string().nullable(),
  hoursServed: z.number().nullable(),
  fulfilledAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  thanks: z.string().nullable(),
  disputeReason: z.string().nullable(),
  postedBy: z
    .object({ id: z.string(), nickname: z.string() })
    .nullable()
    .describe('for a wish posted on behalf: the staff member who posted it, the claimant’s contact'),
  onBehalfOf: z
    .object({ name: z.string(), phone: z.string(), consent: z.enum(ON_BEHALF_CONSENTS) })
    .nullable()
    .optional()
    .describe('the resident a wish was posted for and how they agreed: only for staff of its community'),
})
export type WishFull = z.infer<typeof wishFullSchema>

/** Every step of a wish's life; who may take which, from which state, is the transition table in lifecycle.ts. */
export const WISH_STEPS = [
  'approve',
  'reject',
  'claim',
  'fulfil',
  'release',
  'confirm',
  'dispute',
  'withdraw',
  'settle',
  'reopen',
] as const
export const wishStepSchema = z.enum(WISH_STEPS)
export type WishStep = z.infer<typeof wishStepSchema>
const actions = z.array(wishStepSchema).describe('the steps the caller may take now (none when not signed in)')

export const wishResponseSchema = z.object({
  wish: z.union([wishFullSchema.extend({ actions }), wishPublicSchema.extend({ actions })]),
})
export type WishResponse = z.infer<typeof wishResponseSchema>

export const wishListQuerySchema = z
  .object({
    status: z.enum(PUBLIC_STATUSES).default('published'),
    category: z.enum(WISH_CATEGORIES).optional(),
    communityId: identifier().optional(),
    urgent: booleanQuery.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: token(40).optional(),
    /** `nearest`: by the distance from lat/lng (GCJ-02) to the wish's community; urgent ones stay pinned either way. */
    sort: z.enum(['newest', 'nearest']).default('newest'),
    ...originQuery,
  })
  .refine(
    (q) => q.sort !== 'nearest' || (q.lat !== undefined && q.lng !== undefined),
    rule('按距离排序时必填', 'is required with sort=nearest', ['lat']),
  )
export const wishListResponseSchema = z.object({ items: z.array(wishPublicSchema), nextCursor: z.string().nullable() })
export type WishList = z.infer<typeof wishListResponseSchema>
export const myWishesResponseSchema = z.object({ items: z.array(wishFullSchema) })
export type MyWishes = z.infer<typeof myWishesResponseSchema>

export const reviewSchema = z
  .object({ decision: z.enum(['approve', 'reject']), reason: paragraph(WISH_STEP_TEXT.reject).optional() })
  .refine((r) => r.decision === 'approve' || r.reason, reasonRequiredRule)
export const releaseSchema = z.object({ reason: paragraph(WISH_STEP_TEXT.release) })
export const fulfilSchema = z.object({
  note: paragraph(WISH_STEP_TEXT.fulfil),
  photoId: identifier().optional(),
  hours: z.number().min(0).max(72).optional(),
})
export const confirmSchema = z.object({ thanks: paragraph(WISH_STEP_TEXT.confirm, 0).optional() })
export const disputeSchema = z.object({ reason: paragraph(WISH_STEP_TEXT.dispute) })
/** Staff settling a dispute say what they found; the resident and the member are told. */
export const staffNoteSchema = z.object({ note: paragraph(WISH_STEP_TEXT.settle) })
/** Steps that need nothing but the wish: WeChat sends an empty body, curl perhaps none. */
export const emptyBodySchema = z.object({}).optional()

nameSchemas({
  WishPublic: wishPublicSchema,
  WishFull: wishFullSchema,
  WishStep: wishStepSchema,
  WishResponse: wishResponseSchema,
  WishList: wishListResponseSchema,
  MyWishes: myWishesResponseSchema,
})
