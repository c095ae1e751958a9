import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import { recordChange } from '../../shared/audit.js'
import { ApiError } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { assertGuesthouseInScope } from '../guesthouses/scope.js'
import { enqueueNotices, type Notice } from '../notices/notices.js'
import { assertSessionTimes } from './schedule.js'
import type { sessionCreateSchema, sessionPatchSchema } from './schemas.js'
import { attendees, promoteWaitlisted, sessionCancelled, type SessionRow, type Trx } from './seat-changes.js'

/**
 * Schedules a session inside the caller's transaction (the form's own, or a sheet's) and tells every resident who
 * ordered its topic; audited.
 */
export async function insertSession(
  trx: Trx,
  actor: User,
  input: z.output<typeof sessionCreateSchema>,
  now: Date,
): Promise<string> {
  const id = newId('ls')
  const at = now.toISOString()
  const topic = await trx
    .selectFrom('lecture_topics')
    .select('title')
    .where('id', '=', input.topicId)
    .executeTakeFirst()
  if (!topic) throw notFound.topic()
  await assertGuesthouseInScope(trx, actor, input.guesthouseId)
  assertSessionTimes(input, input.startsAt, input.endsAt, now)
  const startsAt = new Date(input.startsAt).toISOString()
  await trx
    .insertInto('lecture_sessions')
    .values({
      id,
      topic_id: input.topicId,
      guesthouse_id: input.guesthouseId,
      starts_at: startsAt,
      ends_at: new Date(input.endsAt).toISOString(),
      capacity: input.capacity,
      speaker: input.speaker ?? null,
      status: 'scheduled',
      checkin_secret: randomBytes(24).toString('base64url'),
      created_at: at,
      updated_at: at,
    })
    .execute()
  const orderers = await trx
    .selectFrom('topic_orders')
    .select('user_id')
    .where('topic_id', '=', input.topicId)
    .execute()
  await enqueueNotices(
    trx,
    orderers.map((o) => ({
      userId: o.user_id,
      kind: 'topic_scheduled' as const,
      dedupeKey: `topic_scheduled:${id}:${o.user_id}`,
      payload: { sessionId: id, topic: topic.title, startsAt },
    })),
    at,
  )
  await recordChange(trx, {
    actorId: actor.id,
    entity: 'lecture_session',
    entityId: id,
    action: 'create',
    detail: input,
    at,
  })
  return id
}

/**
 * Staff edits of a session whose lock the caller holds: times, place, capacity, speaker. Capacity may not drop below
 * the seats already given; freed seats go to the waitlist; everyone booked is told; audited.
 */
export async function changeSession(
  trx: Trx,
  actor: User,
  session: SessionRow,
  patch: z.output<typeof sessionPatchSchema>,
  now: Date,
): Promise<void> {
  const sessionId = session.id
  // Moving a session to another guesthouse takes acting for that one's community too.
  if (patch.guesthouseId) await assertGuesthouseInScope(trx, actor, patch.guesthouseId)
  if (session.status === 'cancelled') throw sessionCancelled()
  const startsAt = patch.startsAt ? new Date(patch.startsAt).toISOString() : session.starts_at
  const endsAt = patch.endsAt ? new Date(patch.endsAt).toISOString() : session.ends_at
  if (patch.startsAt !== undefined || patch.endsAt !== undefined) assertSessionTimes(patch, startsAt, endsAt, now)
  if (patch.capacity !== undefined && patch.capacity < session.confirmed_count) {
    throw new ApiError(
      409,
      'CAPACITY_BELOW_CONFIRMED',
      `已有 ${session.confirmed_count} 人确认，座位数不能少于此数`,
      `${session.confirmed_count} seats are already confirmed; capacity cannot go below that`,
    )
  }
  const at = now.toISOString()
  await trx
    .updateTable('lecture_sessions')
    .set({
      starts_at: startsAt,
      ends_at: endsAt,
      ...(patch.capacity !== undefined && { capacity: patch.capacity }),
      ...(patch.speaker !== undefined && { speaker: patch.speaker }),
      ...(patch.guesthouseId !== undefined && { guesthouse_id: patch.guesthouseId }),
      updated_at: at,
    })
    .where('id', '=', sessionId)
    .execute()
  if (patch.capacity !== undefined) session.capacity = patch.capacity
  await promoteWaitlisted(trx, session, at)
  const people = await attendees(trx, sessionId)
  await enqueueNotices(
    trx,
    people.map((userId): Notice => ({
      userId,
      kind: 'session_changed',
      dedupeKey: `session_changed:${sessionId}:${userId}:${at}`,
      payload: { sessionId, startsAt },
    })),
    at,
  )
  await recordChange(trx, {
    actorId: actor.id,
    entity: 'lecture_session',
    entityId: sessionId,
    action: 'update',
    detail: patch,
    at,
  })
}
