import { sql } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import { originOf } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { staffCommunities } from '../community/scope.js'
import { isInvolved, isStaffOf, stepsOpenTo, type WishActor } from './lifecycle.js'
import {
  PUBLIC_STATUSES,
  type WishFull,
  type WishList,
  type wishListQuerySchema,
  type WishResponse,
} from './schemas.js'
import { fullView, publicView, selectWishes } from './views.js'

/** A signed-in person as the wish rules see them: who they are and which communities they act for as staff. */
export const wishActorOf = async (db: Db, user: User): Promise<WishActor> => ({
  user,
  staffCommunities: await staffCommunities(db, user),
})

/** The resident, the claimant and the community's staff see everything; others the public view or nothing. */
export async function findWish(db: Db, id: string, actor: WishActor | null): Promise<WishResponse['wish']> {
  const row = await selectWishes(db).where('w.id', '=', id).executeTakeFirst()
  if (!row) throw notFound.wish()
  const actions = stepsOpenTo(actor, row)
  if (actor && isInvolved(actor, row)) return { ...fullView(row, isStaffOf(actor, row)), actions }
  if (!(PUBLIC_STATUSES as readonly string[]).includes(row.status)) throw notFound.wish()
  return { ...publicView(row), actions }
}

/** The public wall: urgent ones first, then newest or nearest; names masked, no phones. */
export async function findWishWall(db: Db, filter: z.output<typeof wishListQuerySchema>): Promise<WishList> {
  const { status, category, communityId, urgent, limit, cursor, sort } = filter
  const offset = cursor && /^\d{1,6}$/.test(cursor) ? Number(cursor) : 0
  const origin = originOf(filter)
  let query = selectWishes(db).where('w.status', '=', status).orderBy('w.urgent', 'desc')
  if (sort === 'nearest' && origin) {
    // Squared equirectangular distance: the same order as great-circle distance at a town's scale, in plain
    // arithmetic both SQLite and PostgreSQL evaluate. Communities without a place come last.
    const k = Math.cos((origin.lat * Math.PI) / 180)
    query = query
      .orderBy(sql`case when c.lat is null then 1 else 0 end`)
      .orderBy(
        sql`(c.lat - ${origin.lat}) * (c.lat - ${origin.lat}) + (c.lng - ${origin.lng}) * (c.lng - ${origin.lng}) * ${k * k}`,
      )
  }
  query = query.orderBy('w.created_at', 'desc').orderBy('w.id')
  if (category) query = query.where('w.category', '=', category)
  if (communityId) query = query.where('w.community_id', '=', communityId)
  if (urgent !== undefined) query = query.where('w.urgent', '=', urgent ? 1 : 0)
  const rows = await query
    .limit(limit + 1)
    .offset(offset)
    .execute()
  return {
    items: rows.slice(0, limit).map((row) => publicView(row, origin)),
    nextCursor: rows.length > limit ? String(offset + limit) : null,
  }
}

/** The wishes a person posted (for themselves or, as staff, for a resident) or claimed, newest first. */
export async function findMyWishes(db: Db, userId: string): Promise<WishFull[]> {
  const rows = await selectWishes(db)
    .where((eb) =>
      eb.or([eb('w.resident_id', '=', userId), eb('w.claimed_by', '=', userId), eb('w.posted_by', '=', userId)]),
    )
    .orderBy('w.created_at', 'desc')
    .limit(100)
    .execute()
  return rows.map((row) => fullView(row, row.posted_by === userId))
}

/** Wishes waiting for staff (new ones and disputes), urgent first, in the communities staff act for. */
export async function findReviewQueue(db: Db, scope: string[] | 'all' | null): Promise<WishFull[]> {
  let query = selectWishes(db)
    .where('w.status', 'in', ['pending_review', 'disputed'])
    .orderBy('w.urgent', 'desc')
    .orderBy('w.created_at')
  if (Array.isArray(scope)) query = query.where('w.community_id', 'in', scope)
  return (await query.limit(200).execute()).map((row) => fullView(row, true))
}
