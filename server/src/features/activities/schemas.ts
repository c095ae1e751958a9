import { z } from 'zod'
import {
  booleanQuery,
  coordinatesTogether,
  coordinatesTogetherRule,
  identifier,
  line,
  paragraph,
  patchOf,
  token,
} from '../../shared/validation.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { ACTIVITY_CANCEL_REASON_LENGTH, ACTIVITY_LIMITS, HOURS_REASON_LENGTH } from '../../shared/values/limits.js'
import { ACTIVITY_KINDS } from '../../shared/values/orders.js'

const id = identifier()

export const activityKindSchema = z
  .enum(ACTIVITY_KINDS)
  .describe('clinic 义诊, cleanup 环境卫生整治, legal_aid 法律咨询援助, patrol 义警巡逻, civility 文明劝导, other')

export const signupStatusSchema = z.enum(['confirmed', 'waitlisted', 'cancelled'])

/** The caller's own sign-up as the activity shows it (like a session's `myBooking`). */
export const mySignupSchema = z.object({
  id: z.string(),
  status: z.enum(['confirmed', 'waitlisted']),
  position: z.number().int().nullable().describe('place on the waitlist, 1 = next; null when confirmed'),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  hours: z.number().nullable().describe('hours served as counted: from check-in and check-out, or as staff set them'),
})

export const activitySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: activityKindSchema,
  description: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  address: z.string(),
  lat: z.number().describe('GCJ-02 latitude'),
  lng: z.number().describe('GCJ-02 longitude'),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  volunteersNeeded: z.number().int(),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  placesLeft: z.number().int(),
  distanceM: z.number().int().nullable().describe('metres from lat/lng of the query, null without them'),
  checkInOpensAt: z.string().describe('a confirmed volunteer may check in from this time…'),
  checkInClosesAt: z.string().describe('…until this one (the end of the activity)'),
  mySignup: mySignupSchema.nullable().describe('the caller’s sign-up; null when signed out or not signed up'),
})
export type Activity = z.infer<typeof activitySchema>
export const activityResponseSchema = z.object({ activity: activitySchema })
export type ActivityResponse = z.infer<typeof activityResponseSchema>

const position = {
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
}
export const activityDetailQuerySchema = z.object(position).refine(coordinatesTogether, coordinatesTogetherRule)
export const activityListQuerySchema = z
  .object({
    kind: activityKindSchema.optional(),
    communityId: id.optional(),
    mine: booleanQuery.optional().describe('only those the caller signed up for (confirmed or waiting)'),
    ...position,
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: token(64).optional(),
  })
  .refine(coordinatesTogether, coordinatesTogetherRule)
  .describe('activities not yet over, nearest first with lat/lng, else soonest first')
export const activityListResponseSchema = z.object({
  items: z.array(activitySchema),
  nextCursor: z.string().nullable(),
})
export type ActivityList = z.infer<typeof activityListResponseSchema>

const activityFields = z.object({
  title: line(ACTIVITY_LIMITS.title),
  kind: activityKindSchema,
  description: paragraph(ACTIVITY_LIMITS.description),
  communityId: id.describe('the community that holds it; the staff member must act for it'),
  address: line(ACTIVITY_LIMITS.address),
  lat: z.number().min(-90).max(90).describe('GCJ-02'),
  lng: z.number().min(-180).max(180).describe('GCJ-02'),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  volunteersNeeded: z.number().int().min(1).max(500),
})
/** The time rules (window, order, length) are the sessions': see sessions/schedule.ts. */
export const activityCreateSchema = activityFields
export type ActivityCreate = z.input<typeof activityCreateSchema>
export const activityPatchSchema = patchOf(activityFields.omit({ communityId: true }))
export type ActivityPatch = z.input<typeof activityPatchSchema>
export const activityCancelSchema = z.object({ reason: paragraph(ACTIVITY_CANCEL_REASON_LENGTH, 0).optional() })

export const signupSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  status: signupStatusSchema,
  position: z.number().int().nullable().describe('place on the waitlist, 1 = next to be confirmed; null otherwise'),
})
/** A sign-up changed, with its activity as the caller now sees it. */
export const signupResponseSchema = signupSchema.extend({ activity: activitySchema })
export type SignupResponse = z.infer<typeof signupResponseSchema>

export const checkinCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() })
export const checkinSchema = z
  .object({
    code: token(200),
    direction: z.enum(['in', 'out']).describe('in on arrival, out on leaving: the hours are the time between'),
    lat: z.number().min(-90).max(90).optional().describe('GCJ-02; where the volunteer is, when they allow it'),
    lng: z.number().min(-180).max(180).optional().describe('GCJ-02; with lat'),
  })
  .refine(coordinatesTogether, coordinatesTogetherRule)
export type ActivityCheckinInput = z.input<typeof checkinSchema>

/** Staff set hours by hand: 0–24, with a reason (in the body, or one already on record from an earlier change). */
export const hoursPatchSchema = patchOf(
  z.object({
    hours: z.number().min(0).max(24).multipleOf(0.01),
    reason: line(HOURS_REASON_LENGTH),
  }),
)
export type HoursPatch = z.input<typeof hoursPatchSchema>
export const memberSignupParamsSchema = z.object({ id, memberId: id.describe('the 双报到 registration’s id') })

export const attendanceItemSchema = z.object({
  memberId: z.string().nullable().describe('the 双报到 registration; null if it was since withdrawn'),
  realName: z.string().nullable().describe('as registered for 双报到; staff of the community only'),
  nickname: z.string(),
  status: signupStatusSchema,
  position: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  locationVerified: z.boolean().describe('checked in with a position within 500 m of the activity'),
  hours: z.number().nullable(),
  hoursReason: z.string().nullable().describe('why staff set the hours by hand; null when counted from the scans'),
})
export const attendanceResponseSchema = z.object({ items: z.array(attendanceItemSchema) })
export type ActivityAttendance = z.infer<typeof attendanceResponseSchema>

nameSchemas({
  ActivityKind: activityKindSchema,
  Activity: activitySchema,
  ActivityResponse: activityResponseSchema,
  ActivityList: activityListResponseSchema,
  SignupResponse: signupResponseSchema,
  ActivityCheckinCode: checkinCodeResponseSchema,
  ActivityAttendance: attendanceResponseSchema,
})
