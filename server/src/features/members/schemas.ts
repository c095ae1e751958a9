import { z } from 'zod'
import { reasonRequiredRule } from '../../shared/validation.js'

export const memberRegisterSchema = z.object({
  realName: z.string().trim().min(2).max(20),
  phone: z.string().trim().regex(/^1\d{10}$/, 'expected an 11-digit mobile number'),
  workUnit: z.string().trim().min(2).max(60),
  branch: z.string().trim().min(2).max(60),
  communityId: z.string().min(1).max(40),
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
export const memberQueueQuerySchema = z.object({ status: z.enum(['pending', 'verified', 'rejected']).default('pending') })
export const memberListResponseSchema = z.object({ items: z.array(memberSchema) })
export const verifySchema = z
  .object({ decision: z.enum(['verify', 'reject']), reason: z.string().trim().min(1).max(200).optional() })
  .refine((v) => v.decision === 'verify' || v.reason, reasonRequiredRule)
export const memberSettingsSchema = z.object({ rankingOptOut: z.boolean() })

export const memberRecordSchema = z.object({
  wishesFulfilled: z.number().int(),
  hoursServed: z.number(),
  lecturesGiven: z.number().int(),
})
export const rankingQuerySchema = z.object({ communityId: z.string().min(1).max(40) })
export const rankingResponseSchema = z.object({
  items: z.array(z.object({ rank: z.number().int(), nickname: z.string(), wishesFulfilled: z.number().int(), hoursServed: z.number() })),
})
export type MemberRanking = z.infer<typeof rankingResponseSchema>
