import { responseTimesSchema } from '../targets/schemas.js'
import { z } from 'zod'
import { WISH_CATEGORIES } from '../../shared/values/orders.js'
import { nameSchemas } from '../../shared/openapi-components.js'

export const trendsQuerySchema = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(12),
})
export type TrendsQuery = z.input<typeof trendsQuerySchema>

const count = z.number().int()
export const trendsSchema = z.object({
  items: z.array(
    z.object({
      weekStart: z.string().describe('the Monday (Asia/Shanghai) the week starts, YYYY-MM-DD'),
      wishesSolved: count.describe('wishes confirmed by the resident or settled by staff'),
      lecturesHeld: count.describe('sessions that took place and ended this week'),
      attendances: count.describe('check-ins at sessions'),
      membersVerified: count.describe('party members verified by staff'),
      activitiesHeld: count.describe('volunteer activities that took place (not cancelled) and ended this week'),
      volunteerHours: z
        .number()
        .describe(
          'confirmed service hours, as the member record counts them: activities (dated by their start) plus wishes ' +
            'confirmed fulfilled (dated by the confirmation); to two decimals',
        ),
    }),
  ),
})
export type Trends = z.infer<typeof trendsSchema>

const wishTally = {
  total: count.describe('wishes that reached the wall'),
  solved: count.describe('of them fulfilled, confirmed or not yet'),
}
export const wishBreakdownSchema = z.object({
  byCategory: z
    .array(z.object({ category: z.enum(WISH_CATEGORIES), ...wishTally }))
    .describe('every category, in display order'),
  byCommunity: z
    .array(z.object({ communityId: z.string(), name: z.string(), nameEn: z.string(), ...wishTally }))
    .describe('every community counted, in display order'),
})
export type WishBreakdown = z.infer<typeof wishBreakdownSchema>

export const communityListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
})
export type CommunityList = z.infer<typeof communityListSchema>

export const staffScopeSchema = z.object({
  district: z.boolean().describe('a district account: bound to no community, it acts for all of them'),
  items: communityListSchema.shape.items.describe('the communities this staff user acts for'),
})
export type StaffScope = z.infer<typeof staffScopeSchema>

export const statsSchema = z.object({
  stations: z.number().int(),
  guesthouses: z.number().int(),
  lecturesHeld: z.number().int(),
  lectureAttendances: z.number().int(),
  wishes: z.object({
    published: z.number().int(),
    claimed: z.number().int(),
    fulfilled: z.number().int(),
    urgentSolved: z.number().int().describe('urgent wishes fulfilled'),
  }),
  members: z.object({ verified: z.number().int() }),
  responseTimes: responseTimesSchema,
})
export type Stats = z.infer<typeof statsSchema>

export const communityFiguresSchema = z.object({
  items: z.array(
    z.object({
      communityId: z.string(),
      name: z.string(),
      nameEn: z.string(),
      wishes: z.object({
        pendingReview: count,
        published: count,
        claimed: count,
        fulfilled: count,
        confirmed: count,
        disputed: count,
        urgentSolved: count,
      }),
      members: z.object({ verified: count, pending: count }),
      responseTimes: responseTimesSchema.describe('as in /api/stats, counted in this community only'),
      overdue: count.describe('wishes past TARGET_REVIEW_HOURS or TARGET_CLAIM_HOURS now, as /api/staff/overdue lists'),
    }),
  ),
})
export type CommunityFigures = z.infer<typeof communityFiguresSchema>

nameSchemas({
  Trends: trendsSchema,
  WishBreakdown: wishBreakdownSchema,
  CommunityList: communityListSchema,
  StaffScope: staffScopeSchema,
  Stats: statsSchema,
  CommunityFigures: communityFiguresSchema,
})
