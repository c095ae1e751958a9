import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { assertWithinQuota, type Quotas } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { enqueueNotices } from '../notifications/outbox.js'
import type { wishCreateSchema } from './schemas.js'

/** Wishes that still take staff time or space on the wall; a resident may have only so many at once. */
const OPEN_STATUSES = ['pending_review', 'published'] as const

/** Photos on a wish are the writer's own uploads: nobody can attach someone else's picture by its id. */
export async function assertOwnPhotos(db: Db, ids: string[], user: User): Promise<void> {
  if (ids.length === 0) return
  const owned = await db.selectFrom('uploads').select('id').where('id', 'in', ids).where('owner_id', '=', user.id).execute()
  if (owned.length !== new Set(ids).size) throw errors.badRequest('照片无效，请重新上传', 'A photo is not yours or no longer exists; upload it again')
}

export function createWishCommands(db: Db, clock: () => Date, quotas: Pick<Quotas, 'wishesOpen' | 'wishesPerDay'>) {
  /**
   * Stores a new wish waiting for review, within the resident's quotas, and for an urgent one the notices to the
   * community's staff, all in one transaction: a refused wish leaves nothing behind, not even a queued notice.
   */
  async function submit(resident: User, input: z.output<typeof wishCreateSchema>): Promise<string> {
    const community = await db.selectFrom('communities').select('id').where('id', '=', input.communityId).executeTakeFirst()
    if (!community) throw errors.badRequest('请选择所在社区', 'Choose your community')
    await assertOwnPhotos(db, input.photoIds, resident)
    const id = newId('wi')
    const now = clock()
    const at = now.toISOString()
    await db.transaction().execute(async (trx) => {
      await assertWithinQuota(trx, resident.id, quotas.wishesOpen, now, async () => {
        const open = await trx
          .selectFrom('wishes')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('resident_id', '=', resident.id)
          .where('status', 'in', OPEN_STATUSES)
          .executeTakeFirstOrThrow()
        return { count: Number(open.n), oldest: null }
      })
      await assertWithinQuota(trx, resident.id, quotas.wishesPerDay, now, async (since) => {
        const today = await trx
          .selectFrom('wishes')
          .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
          .where('resident_id', '=', resident.id)
          .where('created_at', '>', since)
          .executeTakeFirstOrThrow()
        return { count: Number(today.n), oldest: today.oldest ?? null }
      })
      await trx
        .insertInto('wishes')
        .values({
          id,
          resident_id: resident.id,
          category: input.category,
          title: input.title,
          description: input.description,
          community_id: input.communityId,
          contact_phone: input.contactPhone ?? null,
          urgent: input.urgent ? 1 : 0,
          preferred_time: input.preferredTime ?? null,
          photos_json: JSON.stringify(input.photoIds),
          status: 'pending_review',
          created_at: at,
          updated_at: at,
        })
        .execute()
      if (input.urgent) {
        const staff = await trx
          .selectFrom('users')
          .leftJoin('staff_communities as sc', 'sc.user_id', 'users.id')
          .select('users.id')
          .where('users.role', '=', 'staff')
          .where((eb) => eb.or([eb('sc.community_id', '=', input.communityId), eb('sc.community_id', 'is', null)]))
          .execute()
        await enqueueNotices(
          trx,
          staff.map((s) => ({ userId: s.id, kind: 'urgent_wish_submitted' as const, dedupeKey: `urgent:${id}:${s.id}`, payload: { wishId: id } })),
          at,
        )
      }
    })
    return id
  }

  return { submit }
}
