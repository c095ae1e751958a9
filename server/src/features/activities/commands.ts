import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { ApiError } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor, communityForNewPlace } from '../community/scope.js'
import { assertSessionTimes } from '../sessions/schedule.js'
import { enqueueNotices, type Notice } from '../notices/notices.js'
import type { activityCancelSchema, activityCreateSchema, activityPatchSchema } from './schemas.js'
import { activityCancelled, promoteWaitlisted, signedUpPeople, type createSignupDesk } from './signups.js'

type Desk = ReturnType<typeof createSignupDesk>

/** Staff publish, change and cancel activities of the communities they act for; each change one transaction. */
export function createActivityCommands(db: Db, clock: () => Date, desk: Desk) {
  async function publish(actor: User, input: z.output<typeof activityCreateSchema>): Promise<string> {
    const communityId = await communityForNewPlace(db, actor, input.communityId)
    const now = clock()
    const startsAt = new Date(input.startsAt).toISOString()
    const endsAt = new Date(input.endsAt).toISOString()
    assertSessionTimes(input, startsAt, endsAt, now)
    const at = now.toISOString()
    const id = newId('ac')
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('activities')
        .values({
          id,
          title: input.title,
          kind: input.kind,
          description: input.description,
          community_id: communityId,
          address: input.address,
          lat: input.lat,
          lng: input.lng,
          starts_at: startsAt,
          ends_at: endsAt,
          volunteers_needed: input.volunteersNeeded,
          status: 'scheduled',
          checkin_secret: randomBytes(24).toString('base64url'),
          created_by: actor.id,
          created_at: at,
          updated_at: at,
        })
        .execute()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'activity',
        entityId: id,
        action: 'create',
        detail: input,
        at,
      })
    })
    return id
  }

  /**
   * Times, place, places needed, text. Places may not drop below those already confirmed; more places go to the
   * waitlist at once. Those signed up are told when the time or the place changes.
   */
  async function change(actor: User, activityId: string, patch: z.output<typeof activityPatchSchema>): Promise<void> {
    await desk.underActivityLock(activityId, async (trx, activity) => {
      await assertActsFor(trx, actor, activity.community_id)
      if (activity.status === 'cancelled') throw activityCancelled()
      const startsAt = patch.startsAt ? new Date(patch.startsAt).toISOString() : activity.starts_at
      const endsAt = patch.endsAt ? new Date(patch.endsAt).toISOString() : activity.ends_at
      if (patch.startsAt !== undefined || patch.endsAt !== undefined)
        assertSessionTimes(patch, startsAt, endsAt, clock())
      if (patch.volunteersNeeded !== undefined && patch.volunteersNeeded < activity.confirmed_count) {
        throw new ApiError(
          409,
          'CAPACITY_BELOW_CONFIRMED',
          `已有 ${activity.confirmed_count} 人确认参加，所需人数不能少于此数`,
          `${activity.confirmed_count} volunteers are already confirmed; the number needed cannot go below that`,
        )
      }
      const at = clock().toISOString()
      await trx
        .updateTable('activities')
        .set({
          starts_at: startsAt,
          ends_at: endsAt,
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.kind !== undefined && { kind: patch.kind }),
          ...(patch.description !== undefined && { description: patch.description }),
          ...(patch.address !== undefined && { address: patch.address }),
          ...(patch.lat !== undefined && { lat: patch.lat }),
          ...(patch.lng !== undefined && { lng: patch.lng }),
          ...(patch.volunteersNeeded !== undefined && { volunteers_needed: patch.volunteersNeeded }),
          updated_at: at,
        })
        .where('id', '=', activityId)
        .execute()
      if (patch.volunteersNeeded !== undefined) {
        activity.volunteers_needed = patch.volunteersNeeded
        await promoteWaitlisted(trx, activity, at)
      }
      const moved = ['startsAt', 'endsAt', 'address', 'lat', 'lng'].some((field) => field in patch)
      if (moved) {
        const people = await signedUpPeople(trx, activityId)
        await enqueueNotices(
          trx,
          people.map((userId): Notice => ({
            userId,
            kind: 'activity_changed',
            dedupeKey: `activity_changed:${activityId}:${userId}:${at}`,
            payload: { activityId, startsAt },
          })),
          at,
        )
      }
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'activity',
        entityId: activityId,
        action: 'update',
        detail: patch,
        at,
      })
    })
  }

  async function cancel(actor: User, activityId: string, input: z.output<typeof activityCancelSchema>): Promise<void> {
    await desk.underActivityLock(activityId, async (trx, activity) => {
      await assertActsFor(trx, actor, activity.community_id)
      if (activity.status === 'cancelled') throw activityCancelled()
      const at = clock().toISOString()
      await trx
        .updateTable('activities')
        .set({ status: 'cancelled', updated_at: at })
        .where('id', '=', activityId)
        .execute()
      const people = await signedUpPeople(trx, activityId)
      await enqueueNotices(
        trx,
        people.map((userId): Notice => ({
          userId,
          kind: 'activity_cancelled',
          dedupeKey: `activity_cancelled:${activityId}:${userId}`,
          payload: { activityId, startsAt: activity.starts_at, reason: input.reason ?? null },
        })),
        at,
      )
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'activity',
        entityId: activityId,
        action: 'cancel',
        detail: { reason: input.reason },
        at,
      })
    })
  }

  return { publish, change, cancel }
}
