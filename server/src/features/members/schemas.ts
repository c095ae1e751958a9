import { z } from 'zod'
import { identifier, line, paragraph, patchOf, reasonRequiredRule, token } from '../../shared/validation.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { MEMBER_LIMITS, VERIFY_REASON_LENGTH } from '../../shared/values/limits.js'

export const memberRegisterSchema = z.object({
  realName: line(MEMBER_LIMITS.realName, 2),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, 'expected an 11-digit mobile number'),
  workUnit: line(MEMBER_LIMITS.workUnit, 2),
  branch: line(MEMBER_LIMITS.branch, 2),
  communityId: identifier(),
})
export type MemberRegister = z.infer<typeof memberRegisterSchema>

export const memberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  realName: z.string(),
  phone: z.string(),
  workUnit: z.string(),
  branch: z.string(),
  communityId: z.string(),
  status: z.enum(['pending', 'verified', 'rejected']),
  reason: z.string().nullable(),
  rankingOptOut: z.boolean(),
  createdAt: z.string(),
})
export type Member = z.infer<typeof memberSchema>
export const memberResponseSchema = z.object({ member: memberSchema.nullable() })
export type MemberResponse = z.infer<typeof memberResponseSchema>
export const memberQueueQuerySchema = z.object({
  status: z.enum(['pending', 'verified', 'rejected']).default('pending'),
})
export const memberListResponseSchema = z.object({ items: z.array(memberSchema) })
export const verifySchema = z
  .object({ decision: z.enum(['verify', 'reject']), reason: paragraph(VERIFY_REASON_LENGTH).optional() })
  .refine((v) => v.decision === 'verify' || v.reason, reasonRequiredRule)
export const memberSettingsSchema = patchOf(z.object({ rankingOptOut: z.boolean() }))
export type MemberSettings = z.output<typeof memberSettingsSchema>
export type Verify = z.infer<typeof verifySchema>

export const recordItemSchema = z.object({
  kind: z.enum(['activity', 'wish']),
  id: z.string().describe('the volunteer activity or the wish'),
  title: z.string(),
  at: z.string().describe('when: the activity’s start, or when the wish was confirmed done'),
  hours: z.number(),
})
export const memberRecordQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: token(64).optional(),
})
export const memberRecordSchema = z.object({
  wishesFulfilled: z.number().int(),
  hoursServed: z
    .number()
    .describe(
      'confirmed hours only: activities checked in and out or set by staff, plus wishes confirmed by the resident ' +
        'or settled by staff (a disputed wish counts nothing)',
    ),
  lecturesGiven: z.number().int(),
  activities: z.number().int().describe('volunteer activities with confirmed hours'),
  items: z.array(recordItemSchema).describe('what was served, newest first, one page'),
  nextCursor: z.string().nullable(),
})
export type MemberRecord = z.infer<typeof memberRecordSchema>
export const rankingQuerySchema = z.object({ communityId: identifier() })
export const rankingResponseSchema = z.object({
  items: z.array(
    z.object({
      rank: z.number().int(),
      nickname: z.string(),
      wishesFulfilled: z.number().int(),
      hoursServed: z.number(),
    }),
  ),
})
export type MemberRanking = z.infer<typeof rankingResponseSchema>

nameSchemas({
  Member: memberSchema,
  MemberResponse: memberResponseSchema,
  MemberList: memberListResponseSchema,
  MemberRecord: memberRecordSchema,
  MemberRanking: rankingResponseSchema,
})
