import { z } from 'zod'

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
