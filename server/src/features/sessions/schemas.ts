import { z } from 'zod'
import { originQuery } from '../../shared/params.js'
import {
  coordinatesTogether,
  coordinatesTogetherRule,
  identifier,
  line,
  paragraph,
  patchOf,
  token,
} from '../../shared/validation.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { guesthouseSchema } from '../guesthouses/schemas.js'
import { FEEDBACK_LIMITS, SESSION_LIMITS } from '../../shared/values/limits.js'

const id = identifier()

export const sessionSchema = z.object({
  id: z.string(),
  topicId: z.string(),
  topicTitle: z.string(),
  topicTitleEn: z.string(),
  guesthouse: guesthouseSchema,
  speaker: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  capacity: z.number().int(),
  confirmedCount: z.number().int(),
  waitlistCount: z.number().int(),
  seatsLeft: z.number().int(),
  checkInOpensAt: z.string().describe('a confirmed attendee may check in from this time…'),
  checkInClosesAt: z.string().describe('…until this one (the end of the session)'),
  /** The caller's own booking, if any. */
  myBooking: z
    .object({
      id: z.string(),
      status: z.enum(['confirmed', 'waitlisted']),
      position: z.number().int().nullable(),
      checkedIn: z.boolean(),
      feedbackGiven: z.boolean().describe('feedback is taken once, from those who checked in'),
    })
    .nullable(),
})
export type LectureSession = z.infer<typeof sessionSchema>
export const sessionResponseSchema = z.object({ session: sessionSchema })
export type LectureSessionResponse = z.infer<typeof sessionResponseSchema>

export const sessionCalendarQuerySchema = z.object({
  lang: z.enum(['zh', 'en']).default('zh').describe('the language of the event’s title and description'),
})

export const sessionListQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  topicId: id.optional(),
  guesthouseId: id.optional(),
  ...originQuery,
  limit: z.coerce.number().int().min(1).max(100).default(30),
})
export const sessionListResponseSchema = z.object({ items: z.array(sessionSchema) })
export type LectureSessionList = z.infer<typeof sessionListResponseSchema>

const sessionFields = z.object({
  topicId: id,
  guesthouseId: id,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  capacity: z.number().int().min(1).max(500),
  /** null (or absent) when nobody is named yet; null in a change takes the name off. */
  speaker: line(SESSION_LIMITS.speaker).nullable().optional(),
})
/** The time rules (window, order, length) are the domain's: see schedule.ts. */
export const sessionCreateSchema = sessionFields
export type LectureSessionCreate = z.input<typeof sessionCreateSchema>
export const sessionPatchSchema = patchOf(sessionFields.omit({ topicId: true }))
export type LectureSessionPatch = z.input<typeof sessionPatchSchema>
export const sessionCancelSchema = z.object({ reason: paragraph(200, 0).optional() })

export const bookingSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
  /** Place on the waitlist, 1 = next to get a seat; absent unless waitlisted. */
  position: z.number().int().optional(),
  checkedIn: z.boolean(),
})
export type Booking = z.infer<typeof bookingSchema>
/** A booking changed, with its session as the caller now sees it (seats, waitlist, their booking). */
export const bookingResponseSchema = z.object({ booking: bookingSchema, session: sessionSchema })
export type BookingResponse = z.infer<typeof bookingResponseSchema>

export const myBookingSchema = bookingSchema.extend({ session: sessionSchema.omit({ myBooking: true }) })
export const myBookingsQuerySchema = z.object({ scope: z.enum(['upcoming', 'past', 'waitlisted']).optional() })
export const myBookingsResponseSchema = z.object({ items: z.array(myBookingSchema) })
export type MyBookings = z.infer<typeof myBookingsResponseSchema>

export const checkinCodeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() })
export type CheckinCode = z.infer<typeof checkinCodeResponseSchema>
export const checkinSchema = z
  .object({
    code: token(200),
    lat: z.number().min(-90).max(90).optional().describe('GCJ-02; where the attendee is, when they allow it'),
    lng: z.number().min(-180).max(180).optional().describe('GCJ-02; with lat'),
  })
  .refine(coordinatesTogether, coordinatesTogetherRule)
export type CheckinInput = z.input<typeof checkinSchema>
export const checkinResponseSchema = z.object({
  checkedInAt: z.string(),
  locationVerified: z.boolean().describe('true when the check-in came with a position within 500 m of the guesthouse'),
  session: sessionSchema,
})
export type CheckinResult = z.infer<typeof checkinResponseSchema>

export const feedbackSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: paragraph(FEEDBACK_LIMITS.comment, 0).default(''),
})
export type FeedbackInput = z.input<typeof feedbackSchema>
export const feedbackResponseSchema = z.object({
  rating: z.number().int(),
  comment: z.string(),
  session: sessionSchema,
})
export type FeedbackResult = z.infer<typeof feedbackResponseSchema>
export const feedbackSummaryResponseSchema = z.object({
  byTopic: z.array(z.object({ topicId: z.string(), title: z.string(), average: z.number(), count: z.number().int() })),
  bySpeaker: z.array(z.object({ speaker: z.string(), average: z.number(), count: z.number().int() })),
})
export type FeedbackSummary = z.infer<typeof feedbackSummaryResponseSchema>

export const attendanceResponseSchema = z.object({
  items: z.array(
    z.object({
      nickname: z.string(),
      status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
      position: z.number().int().nullable(),
      checkedInAt: z.string().nullable(),
      /** Checked in with a position near the guesthouse; false without one (or not checked in). */
      locationVerified: z.boolean(),
    }),
  ),
})
export type Attendance = z.infer<typeof attendanceResponseSchema>

nameSchemas({
  LectureSession: sessionSchema,
  LectureSessionResponse: sessionResponseSchema,
  LectureSessionList: sessionListResponseSchema,
  Booking: bookingSchema,
  BookingResponse: bookingResponseSchema,
  MyBookings: myBookingsResponseSchema,
  CheckinCode: checkinCodeResponseSchema,
  CheckinResult: checkinResponseSchema,
  FeedbackResult: feedbackResponseSchema,
  FeedbackSummary: feedbackSummaryResponseSchema,
  Attendance: attendanceResponseSchema,
})
