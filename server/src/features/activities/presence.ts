import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { checkinWindow, issueCheckinCode, locationVerified, verifyCheckinCode } from '../../shared/checkin-code.js'
import { ApiError, errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor } from '../community/scope.js'
import type { checkinSchema, hoursPatchSchema } from './schemas.js'
import { activityCancelled } from './signups.js'

const HOUR_MS = 3_600_000
/** Volunteers may check out up to two hours after the end (tidying up); the hours still stop at the end. */
const CHECKOUT_GRACE_MS = 2 * HOUR_MS

/** Hours served: the time between check-in and check-out inside the activity's own span, to the hundredth. */
export function servedHours(checkedInAt: string, checkedOutAt: string, startsAt: string, endsAt: string): number {
  const from = Math.max(Date.parse(checkedInAt), Date.parse(startsAt))
  const until = Math.min(Date.parse(checkedOutAt), Date.parse(endsAt))
  return Math.round((Math.max(0, until - from) / HOUR_MS) * 100) / 100
}

const checkinClosed = (zh: string, en: string) => errors.conflict('CHECKIN_CLOSED', zh, en)

/** The rotating code, check-in and check-out of a volunteer activity, and the hours staff set by hand. */
export function createPresence(db: Db, clock: () => Date) {
  async function activityForPresence(activityId: string) {
    const activity = await db
      .selectFrom('activities')
      .select(['id', 'community_id', 'starts_at', 'ends_at', 'status', 'checkin_secret', 'lat', 'lng'])
      .where('id', '=', activityId)
      .executeTakeFirst()
    if (!activity) throw notFound.activity()
    return activity
  }

  async function checkinCode(actor: User, activityId: string) {
    const activity = await activityForPresence(activityId)
    await assertActsFor(db, actor, activity.community_id)
    if (activity.status === 'cancelled') throw activityCancelled()
    return issueCheckinCode(activity.id, activity.checkin_secret, clock())
  }

  /**
   * Arriving and leaving, each with the code shown on the spot (and within 500 m when a position comes with it). A
   * second scan the same way changes nothing; leaving counts the hours unless staff have set them already.
   */
  async function scan(user: User, activityId: string, input: z.output<typeof checkinSchema>) {
    const activity = await activityForPresence(activityId)
    const now = clock()
    verifyCheckinCode(input.code, activity.id, activity.checkin_secret, now)
    if (activity.status === 'cancelled') throw activityCancelled()
    const signup = await db
      .selectFrom('activity_signups')
      .select(['id', 'status', 'checked_in_at', 'checked_out_at', 'hours_set_by'])
      .where('activity_id', '=', activityId)
      .where('user_id', '=', user.id)
      .executeTakeFirst()
    if (signup?.status !== 'confirmed')
      throw errors.conflict(
        'NOT_BOOKED',
        '您没有确认参加该活动，无法签到',
        'You have no confirmed place at this activity',
      )
    const { checkInOpensAt, checkInClosesAt } = checkinWindow(activity.starts_at, activity.ends_at)
    const position = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined
    const place = { lat: Number(activity.lat), lng: Number(activity.lng) }
    const at = now.toISOString()
    if (input.direction === 'in') {
      if (now < new Date(checkInOpensAt) || now > new Date(checkInClosesAt))
        throw checkinClosed(
          '不在签到时间内（开始前 30 分钟至结束）',
          'Check-in is open from 30 minutes before the start to the end',
        )
      const verified = locationVerified(position, place)
      if (signup.checked_in_at !== null) return
      await db
        .updateTable('activity_signups')
        .set({ checked_in_at: at, checkin_verified: verified ? 1 : 0, updated_at: at })
        .where('id', '=', signup.id)
        .where('checked_in_at', 'is', null)
        .execute()
      return
    }
    if (signup.checked_in_at === null) throw checkinClosed('请先签到，再签退', 'Check in first, then check out')
    if (now.getTime() > Date.parse(activity.ends_at) + CHECKOUT_GRACE_MS)
      throw checkinClosed('签退已截止（活动结束后 2 小时内）', 'Check-out closed two hours after the end')
    locationVerified(position, place)
    if (signup.checked_out_at !== null) return
    const hours = servedHours(signup.checked_in_at, at, activity.starts_at, activity.ends_at)
    await db
      .updateTable('activity_signups')
      .set({ checked_out_at: at, ...(signup.hours_set_by === null && { hours }), updated_at: at })
      .where('id', '=', signup.id)
      .where('checked_out_at', 'is', null)
      .execute()
  }

  /**
   * Staff set a volunteer's hours with a reason (forgot to check out, came late): kept over the scans, audited. The
   * reason comes with the hours, or is one already on record (a later correction of the figure or of the wording).
   */
  async function setHours(actor: User, activityId: string, memberId: string, input: z.output<typeof hoursPatchSchema>) {
    const activity = await activityForPresence(activityId)
    await assertActsFor(db, actor, activity.community_id)
    const member = await db.selectFrom('members').select('user_id').where('id', '=', memberId).executeTakeFirst()
    const signup = member
      ? await db
          .selectFrom('activity_signups')
          .select(['id', 'status', 'hours', 'hours_reason'])
          .where('activity_id', '=', activityId)
          .where('user_id', '=', member.user_id)
          .executeTakeFirst()
      : undefined
    if (!signup) throw errors.notFound('该党员没有报名这项活动', 'This member has not signed up for this activity')
    if (signup.status !== 'confirmed')
      throw new ApiError(
        409,
        'NOT_BOOKED',
        '只能为确认参加的志愿者记录时长',
        'Hours are kept for confirmed volunteers only',
      )
    if (input.reason === undefined && signup.hours_reason === null)
      throw errors.validation([
        { field: 'reason', message: '修改时长须说明原因', messageEn: 'is required to set the hours by hand' },
      ])
    const at = clock().toISOString()
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('activity_signups')
        .set({
          ...(input.hours !== undefined && { hours: input.hours, hours_set_by: actor.id }),
          ...(input.reason !== undefined && { hours_reason: input.reason }),
          updated_at: at,
        })
        .where('id', '=', signup.id)
        .execute()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'activity_signup',
        entityId: signup.id,
        action: 'set_hours',
        detail: { before: signup.hours === null ? null : Number(signup.hours), ...input },
        at,
      })
    })
    return member!.user_id
  }

  return { checkinCode, scan, setHours }
}
