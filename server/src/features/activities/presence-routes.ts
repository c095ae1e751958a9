import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { toCsv } from '../../shared/csv.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor } from '../community/scope.js'
import { createPresence } from './presence.js'
import { findActivity, findAttendance } from './queries.js'
import {
  activityResponseSchema,
  attendanceItemSchema,
  attendanceResponseSchema,
  checkinCodeResponseSchema,
  checkinSchema,
  hoursPatchSchema,
  memberSignupParamsSchema,
} from './schemas.js'

const STAFF = ['staff'] as const
const tags = ['activities']

/** Presence at a volunteer activity: the code staff show, scanning in and out, the attendance and hours staff keep. */
export const activityPresenceRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const presence = createPresence(db, clock)

    /** The attendance of an activity the staff member acts for. */
    const attendanceFor = async (user: User, activityId: string) => {
      const activity = await db
        .selectFrom('activities')
        .select('community_id')
        .where('id', '=', activityId)
        .executeTakeFirst()
      if (!activity) throw notFound.activity()
      await assertActsFor(db, user, activity.community_id)
      return findAttendance(db, activityId)
    }

    app.get(
      '/api/activities/:id/checkin-code',
      {
        config: { access: STAFF },
        schema: {
          summary: 'The rotating check-in code of an activity (staff)',
          description: 'Shown as a QR code on the spot; a new one every minute, each good for two.',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          response: { 200: checkinCodeResponseSchema },
        },
      },
      async (request) => presence.checkinCode(signedIn(request.user), request.params.id),
    )

    app.post(
      '/api/activities/:id/checkins',
      {
        config: { access: ['member'] },
        schema: {
          summary: 'Check in or out of an activity with its code (confirmed volunteers)',
          description:
            'In from 30 minutes before the start to the end; out after checking in, until two hours after the end. ' +
            'With a position, more than 500 m away is refused. Hours served = check-out minus check-in, clipped to ' +
            'the activity’s span (unless staff set them). The same scan again changes nothing.',
          errors: [404, 409],
          tags,
          params: idParamsSchema,
          body: checkinSchema,
          response: { 200: activityResponseSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        await presence.scan(user, request.params.id, request.body)
        return { activity: (await findActivity(db, request.params.id, user.id))! }
      },
    )

    app.get(
      '/api/activities/:id/attendance',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Who signed up, came and for how long (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          response: { 200: attendanceResponseSchema },
        },
      },
      async (request) => ({ items: await attendanceFor(signedIn(request.user), request.params.id) }),
    )

    app.get(
      '/api/activities/:id/attendance.csv',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Attendance with hours as CSV (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          produces: ['text/csv'],
          response: { 200: z.string().describe('One row per person signed up, with a header row') },
        },
      },
      async (request, reply) => {
        const rows = await attendanceFor(signedIn(request.user), request.params.id)
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="activity-${request.params.id}.csv"`)
        return toCsv([
          [
            '姓名 Name',
            '昵称 Nickname',
            '状态 Status',
            '候补位置 Waitlist',
            '签到 In',
            '签退 Out',
            '到场定位 Location verified',
            '时长 Hours',
            '时长说明 Reason',
          ],
          ...rows.map((r) => [
            r.realName,
            r.nickname,
            r.status,
            r.position,
            r.checkedInAt,
            r.checkedOutAt,
            r.checkedInAt === null ? null : r.locationVerified ? '是 yes' : '否 no',
            r.hours,
            r.hoursReason,
          ]),
        ])
      },
    )

    app.patch(
      '/api/activities/:id/signups/:memberId',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Set a volunteer’s hours by hand, with a reason (staff)',
          description:
            'Hours 0–24, kept over the scans and audited. The reason comes with the hours or is already on record.',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: memberSignupParamsSchema,
          body: hoursPatchSchema,
          response: { 200: attendanceItemSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        const { id, memberId } = request.params
        await app.checkText({ 原因: request.body.reason }, user.id)
        await presence.setHours(user, id, memberId, request.body)
        return (await findAttendance(db, id)).find((r) => r.memberId === memberId)!
      },
    )
  }
