import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { recordChange } from '../../shared/audit.js'
import { ApiError, errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { assertWithinQuota, storedSince, type Quotas } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { enqueueNotices } from '../notices/notices.js'
import { setPhotoUses } from '../uploads/uses.js'
import type { UpdateObject } from 'kysely'
import type { Database } from '../../db/schema.js'
import { staffActingFor } from '../community/scope.js'
import { claimedAt, isStaffOf, transition, type WishActor } from './lifecycle.js'
import type {
  confirmSchema,
  disputeSchema,
  fulfilSchema,
  releaseSchema,
  reviewSchema,
  staffNoteSchema,
  wishCreateSchema,
  WishStep,
} from './schemas.js'

/** Wishes that still take staff time or space on the wall; a resident may have only so many at once. */
const OPEN_STATUSES = ['pending_review', 'published'] as const

/** Photos on a wish are the writer's own uploads: nobody can attach someone else's picture by its id. */
async function assertOwnPhotos(db: Db, ids: string[], user: User): Promise<void> {
  if (ids.length === 0) return
  const owned = await db
    .selectFrom('uploads')
    .select('id')
    .where('id', 'in', ids)
    .where('owner_id', '=', user.id)
    .execute()
  if (owned.length !== new Set(ids).size)
    throw errors.badRequest('照片无效，请重新上传', 'A photo is not yours or no longer exists; upload it again')
}

const onlyStaffPostForOthers = () =>
  new ApiError(
    403,
    'FORBIDDEN',
    '只有本社区的工作人员可以代居民提交心愿',
    'Only staff of the wish’s community may post a wish for a resident',
  )
const staffPostForResidents = () =>
  new ApiError(
    403,
    'FORBIDDEN',
    '社区工作人员请代居民提交心愿：填写居民姓名、电话和同意方式',
    'Staff post wishes for residents: give onBehalfOf and consent',
  )

export function createWishCommands(db: Db, clock: () => Date, quotas: Pick<Quotas, 'wishesOpen' | 'wishesPerDay'>) {
  /**
   * Stores a new wish waiting for review, within the resident's quotas, and for an urgent one the notices to the
   * community's staff, all in one transaction: a refused wish leaves nothing behind, not even a queued notice.
   * Staff of the community post for a resident without an account (代办): the wish goes on the wall at once (staff
   * wrote it, there is nothing to review), outside the resident quotas, audited with the resident's consent.
   */
  async function submit(actor: WishActor, input: z.output<typeof wishCreateSchema>): Promise<string> {
    const { onBehalfOf, consent } = input
    if (onBehalfOf && !isStaffOf(actor, { community_id: input.communityId })) throw onlyStaffPostForOthers()
    if (!onBehalfOf && actor.user.role === 'staff') throw staffPostForResidents()
    const community = await db
      .selectFrom('communities')
      .select('id')
      .where('id', '=', input.communityId)
      .executeTakeFirst()
    if (!community) throw errors.badRequest('请选择所在社区', 'Choose your community')
    const poster = actor.user
    await assertOwnPhotos(db, input.photoIds, poster)
    const id = newId('wi')
    const now = clock()
    const at = now.toISOString()
    await db.transaction().execute(async (trx) => {
      if (!onBehalfOf) {
        await assertWithinQuota(trx, poster.id, quotas.wishesOpen, now, async () => {
          const open = await trx
            .selectFrom('wishes')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('resident_id', '=', poster.id)
            .where('status', 'in', OPEN_STATUSES)
            .executeTakeFirstOrThrow()
          return { count: Number(open.n), oldest: null }
        })
        await assertWithinQuota(trx, poster.id, quotas.wishesPerDay, now, (since) =>
          storedSince(trx, 'wishes', poster.id, since),
        )
      }
      await trx
        .insertInto('wishes')
        .values({
          id,
          resident_id: onBehalfOf ? null : poster.id,
          category: input.category,
          title: input.title,
          description: input.description,
          community_id: input.communityId,
          contact_phone: input.contactPhone ?? null,
          urgent: input.urgent ? 1 : 0,
          preferred_time: input.preferredTime ?? null,
          photos_json: JSON.stringify(input.photoIds),
          status: onBehalfOf ? 'published' : 'pending_review',
          created_at: at,
          updated_at: at,
          ...(onBehalfOf && {
            published_at: at,
            posted_by: poster.id,
            on_behalf_name: onBehalfOf.name,
            on_behalf_phone: onBehalfOf.phone,
            on_behalf_consent: consent,
          }),
        })
        .execute()
      await setPhotoUses(trx, 'wish', id, input.photoIds)
      if (onBehalfOf) {
        await recordChange(trx, {
          actorId: poster.id,
          entity: 'wish',
          entityId: id,
          action: 'post_on_behalf',
          detail: { consent, communityId: input.communityId },
          at,
        })
      } else if (input.urgent) {
        const staff = await staffActingFor(trx, input.communityId)
        await enqueueNotices(
          trx,
          staff.map((staffId) => ({
            userId: staffId,
            kind: 'urgent_wish_submitted' as const,
            dedupeKey: `urgent:${id}:${staffId}`,
            payload: { wishId: id },
          })),
          at,
        )
      }
    })
    return id
  }

  /** One step of the wish's life through the transition table, with what it writes beside the new status. */
  const take = (
    step: WishStep,
    id: string,
    actor: WishActor,
    changes: (at: string) => UpdateObject<Database, 'wishes'>,
    note?: string,
  ) => {
    const at = clock().toISOString()
    return transition(db, id, step, actor, changes(at), at, note)
  }

  return {
    submit,
    review: (actor: WishActor, id: string, { decision, reason }: z.output<typeof reviewSchema>) =>
      take(decision, id, actor, (at) => ({
        review_reason: reason ?? null,
        reviewed_at: at,
        ...(decision === 'approve' && { published_at: at }),
      })),
    claim: (actor: WishActor, id: string) =>
      take('claim', id, actor, (at) => ({ claimed_by: actor.user.id, ...claimedAt(at) })),
    release: (actor: WishActor, id: string, { reason }: z.output<typeof releaseSchema>) =>
      take('release', id, actor, (at) => ({ claimed_by: null, claimed_at: null, published_at: at }), reason),
    async fulfil(actor: WishActor, id: string, { note, photoId, hours }: z.output<typeof fulfilSchema>) {
      await assertOwnPhotos(db, photoId ? [photoId] : [], actor.user)
      await take('fulfil', id, actor, (at) => ({
        fulfil_note: note,
        fulfil_photo_id: photoId ?? null,
        hours_served: hours ?? null,
        fulfilled_at: at,
      }))
    },
    confirm: (actor: WishActor, id: string, { thanks }: z.output<typeof confirmSchema>) =>
      take('confirm', id, actor, (at) => ({ thanks: thanks ?? null, confirmed_at: at })),
    dispute: (actor: WishActor, id: string, { reason }: z.output<typeof disputeSchema>) =>
      take('dispute', id, actor, () => ({ dispute_reason: reason }), reason),
    withdraw: (actor: WishActor, id: string) => take('withdraw', id, actor, () => ({})),
    settle: (actor: WishActor, id: string, { note }: z.output<typeof staffNoteSchema>) =>
      take('settle', id, actor, (at) => ({ review_reason: note, confirmed_at: at }), note),
    reopen: (actor: WishActor, id: string, { note }: z.output<typeof staffNoteSchema>) =>
      take(
        'reopen',
        id,
        actor,
        (at) => ({
          review_reason: note,
          claimed_by: null,
          claimed_at: null,
          fulfil_note: null,
          fulfilled_at: null,
          published_at: at,
        }),
        note,
      ),
  }
}

export type WishCommands = ReturnType<typeof createWishCommands>
