import { z } from 'zod'
import { WISH_CATEGORIES } from '../wishes/schemas.js'

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
    }),
  ),
})
export type Trends = z.infer<typeof trendsSchema>

const wishTally = { total: count.describe('wishes that reached the wall'), solved: count.describe('of them fulfilled, confirmed or not yet') }
export const wishBreakdownSchema = z.object({
  byCategory: z.array(z.object({ category: z.enum(WISH_CATEGORIES), ...wishTally })).describe('every category, in display order'),
  byCommunity: z.array(z.object({ communityId: z.string(), name: z.string(), ...wishTally })).describe('every community counted, in display order'),
})
export type WishBreakdown = z.infer<typeof wishBreakdownSchema>
