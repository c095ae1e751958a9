import { sql, type UpdateObject } from 'kysely'
import type { Db } from '../../db/index.js'
import type { Database, WishesTable, WishStatus } from '../../db/schema.js'
import { ApiError, errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import type { PeriodicJob } from '../../shared/periodic-jobs.js'
import { setPhotoUses } from '../uploads/uses.js'
import type { User } from '../auth/schemas.js'
import { enqueueNotices, type NoticeKind } from '../notices/notices.js'
import { WISH_STEPS, type WishStep } from './schemas.js'

/** Who is acting on a wish, and for which communities a staff user speaks ('all' when unbound). */
export interface WishActor {
  user: User
  staffCommunities: string[] | 'all' | null
}

type Wish = Pick<WishesTable, 'id' | 'status' | 'resident_id' | 'claimed_by' | 'community_id' | 'posted_by'>
/** `proxy`: staff of the community acting in the resident's place on a wish staff posted for them (代办). */
type Role = 'resident' | 'proxy' | 'claimant' | 'staff' | 'member'

export const isStaffOf = (actor: WishActor, wish: Pick<Wish, 'community_id'>) =>
  actor.user.role === 'staff' &&
  (actor.staffCommunities === 'all' || (actor.staffCommunities?.includes(wish.community_id) ?? false))

/** The resident, the claimant and the community's staff: those who see a wish whole, on the wall or not. */
export const isInvolved = (actor: WishActor, wish: Pick<Wish, 'resident_id' | 'claimed_by' | 'community_id'>) =>
  wish.resident_id === actor.user.id || wish.claimed_by === actor.user.id || isStaffOf(actor, wish)

function plays(actor: WishActor, wish: Wish, role: Role): boolean {
  if (role === 'resident') return wish.resident_id === actor.user.id
  if (role === 'proxy') return wish.posted_by !== null && isStaffOf(actor, wish)
  if (role === 'claimant') return wish.claimed_by !== null && wish.claimed_by === actor.user.id
  if (role === 'staff') return isStaffOf(actor, wish)
  return actor.user.role === 'member' && wish.resident_id !== actor.user.id
}

/**
 * The whole life of a wish in one table: who may take each step, from which states, to which state, and
 * whom it tells. Every route goes through `transition`, which writes only if the wish is still in a
 * `from` state — so two members claiming at once cannot both win.
 */
const STEPS = {
  approve: { who: ['staff'], from: ['pending_review'], to: 'published', notify: 'wish_published', tell: 'resident' },
  reject: { who: ['staff'], from: ['pending_review'], to: 'rejected', notify: 'wish_rejected', tell: 'resident' },
  claim: { who: ['member'], from: ['published'], to: 'claimed', notify: 'wish_claimed', tell: 'resident' },
  release: { who: ['claimant'], from: ['claimed'], to: 'published', notify: 'wish_released', tell: 'resident' },
  fulfil: { who: ['claimant'], from: ['claimed'], to: 'fulfilled', notify: 'wish_fulfilled', tell: 'resident' },
  // A resident without an account (代办) answers through the community's staff: they confirm, dispute or withdraw.
  confirm: {
    who: ['resident', 'proxy'],
    from: ['fulfilled'],
    to: 'confirmed',
    notify: 'wish_confirmed',
    tell: 'claimant',
  },
  dispute: {
    who: ['resident', 'proxy'],
    from: ['fulfilled'],
    to: 'disputed',
    notify: 'wish_disputed',
    tell: 'claimant',
  },
  withdraw: {
    who: ['resident', 'proxy'],
    from: ['pending_review', 'published'],
    to: 'withdrawn',
    notify: null,
    tell: null,
  },
  // Staff settle a dispute: either the help was given (it counts as confirmed) or the wish goes back on the wall.
  settle: { who: ['staff'], from: ['disputed'], to: 'confirmed', notify: 'wish_confirmed', tell: 'claimant' },
  reopen: { who: ['staff'], from: ['disputed'], to: 'published', notify: 'wish_released', tell: 'claimant' },
} as const satisfies Record<
  WishStep,
  {
    who: readonly Role[]
    from: readonly WishStatus[]
    to: WishStatus
    notify: NoticeKind | null
    /** The resident, or for a wish posted on behalf the staff member who posted it; or the claimant. */
    tell: 'resident' | 'claimant' | null
  }
>

const playsAny = (actor: WishActor, wish: Wish, roles: readonly Role[]) =>
  roles.some((role) => plays(actor, wish, role))

/** The steps this person may take on the wish now: the same rules `transition` enforces. */
export function stepsOpenTo(actor: WishActor | null, wish: Wish): WishStep[] {
  if (!actor) return []
  return WISH_STEPS.filter((step) => {
    const rule = STEPS[step]
    const from: readonly WishStatus[] = rule.from
    return from.includes(wish.status) && playsAny(actor, wish, rule.who)
  })
}

const wrongState = (step: WishStep) =>
  step === 'claim'
    ? new ApiError(409, 'WISH_ALREADY_CLAIMED', '该心愿已被认领', 'This wish has already been claimed')
    : new ApiError(409, 'WISH_WRONG_STATE', '心愿当前状态不能进行此操作', 'The wish is not in a state that allows this')

/** Applies one step or throws 403/409; `changes` are written together with the new status. */
export async function transition(
  db: Db,
  wishId: string,
  step: WishStep,
  actor: WishActor,
  changes: UpdateObject<Database, 'wishes'>,
  at: string,
  /** Told to the person notified, e.g. why a claim was released. */
  note?: string,
): Promise<void> {
  const rule = STEPS[step]
  await db.transaction().execute(async (trx) => {
    const wish = await trx
      .selectFrom('wishes')
      .select(['id', 'status', 'resident_id', 'claimed_by', 'community_id', 'posted_by'])
      .where('id', '=', wishId)
      .executeTakeFirst()
    if (!wish) throw notFound.wish()
    if (!playsAny(actor, wish, rule.who)) throw errors.forbidden()
    const from: readonly WishStatus[] = rule.from
    if (!from.includes(wish.status)) throw wrongState(step)

    const updated = await trx
      .updateTable('wishes')
      .set({ ...changes, status: rule.to, updated_at: at })
      .where('id', '=', wishId)
      .where('status', 'in', [...from])
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) throw wrongState(step)
    // A step that sets the proof-of-fulfilment photo records it as on the wish (who may see it follows the wish).
    const photo = changes.fulfil_photo_id
    if (photo !== undefined)
      await setPhotoUses(trx, 'wish_fulfilment', wishId, typeof photo === 'string' ? [photo] : [])

    if (rule.notify) {
      const recipient = rule.tell === 'claimant' ? wish.claimed_by : (wish.resident_id ?? wish.posted_by)
      if (recipient) {
        await enqueueNotices(
          trx,
          [
            {
              userId: recipient,
              kind: rule.notify,
              dedupeKey: `${rule.notify}:${wishId}:${at}`,
              payload: { wishId, reason: note ?? null },
            },
          ],
          at,
        )
      }
    }
  })
}

/** Claims left unfulfilled for seven days go back on the wall. */
export const CLAIM_EXPIRY_MS = 7 * 24 * 3600_000

export async function releaseStaleClaims(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('wishes')
    .set({
      status: 'published',
      claimed_by: null,
      claimed_at: null,
      published_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .where('status', '=', 'claimed')
    .where('claimed_at', '<', new Date(now.getTime() - CLAIM_EXPIRY_MS).toISOString())
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export const staleClaimsRelease: PeriodicJob = { name: 'release stale claims', run: releaseStaleClaims }

/** A claim's time, and the first claim's time kept for the response figures (a release does not reset it). */
export const claimedAt = (at: string): UpdateObject<Database, 'wishes'> => ({
  claimed_at: at,
  first_claimed_at: sql<string>`coalesce(first_claimed_at, ${at})`,
})
