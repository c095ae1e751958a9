import { z } from 'zod'
import { wishFullSchema } from '../wishes/schemas.js'
import { nameSchemas } from '../../shared/openapi-components.js'

export const TARGET_STAGES = ['review', 'claim'] as const

export const overdueListSchema = z.object({
  items: z.array(
    z.object({
      wish: wishFullSchema,
      stage: z.enum(TARGET_STAGES).describe('review: waiting for staff to review; claim: on the wall, unclaimed'),
      overdueHours: z.number().describe('hours past the target, to one decimal'),
    }),
  ),
})
export type OverdueList = z.infer<typeof overdueListSchema>

const hours = z.number().nullable()
const percent = z.number().min(0).max(100).nullable()

export const responseTimesSchema = z
  .object({
    reviewMedianHours: hours.describe('submission → review, median over reviewed wishes'),
    claimMedianHours: hours.describe('publication → first claim, median over claimed wishes'),
    solveMedianHours: hours.describe('submission → confirmed done, median over confirmed wishes'),
    reviewOnTargetPct: percent.describe('reviewed within TARGET_REVIEW_HOURS, % of reviewed wishes'),
    claimOnTargetPct: percent.describe('first claimed within TARGET_CLAIM_HOURS, % of claimed wishes'),
  })
  .describe('How quickly wishes are answered; each figure null while nothing is counted.')
export type ResponseTimes = z.infer<typeof responseTimesSchema>

/** The targets in hours, from TARGET_REVIEW_HOURS and TARGET_CLAIM_HOURS. */
export interface Targets {
  reviewHours: number
  claimHours: number
}

nameSchemas({ OverdueList: overdueListSchema, ResponseTimes: responseTimesSchema })
