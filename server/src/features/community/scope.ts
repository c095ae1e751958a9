import type { Kysely, Transaction } from 'kysely'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import { ApiError, errors } from '../../shared/errors.js'
import type { User } from '../auth/schemas.js'

/** The communities a staff user acts for: 'all' when bound to none (a district-level account). */
export async function staffCommunities(db: Db, user: User | null): Promise<string[] | 'all' | null> {
  if (user?.role !== 'staff') return null
  const rows = await db.selectFrom('staff_communities').select('community_id').where('user_id', '=', user.id).execute()
  return rows.length ? rows.map((r) => r.community_id) : 'all'
}

const outsideScope = () =>
  new ApiError(403, 'FORBIDDEN', '这不属于您负责的社区，无权操作', 'This belongs to a community you do not act for')

/**
 * The one check behind every staff change and staff-only read of a community's places, sessions and reports:
 * a district account (bound to no community) acts for all; a bound staff user only for their own. A place not yet
 * assigned to any community (`null`) is the district's.
 */
export async function assertActsFor(db: Db, actor: User, communityId: string | null): Promise<void> {
  const scope = await staffCommunities(db, actor)
  if (scope === 'all') return
  if (scope === null || communityId === null || !scope.includes(communityId)) throw outsideScope()
}

/**
 * The community a new place goes to: the one asked for, which the actor must act for; without one, the single
 * community a bound staff user acts for. A district account has to name it.
 */
export async function communityForNewPlace(db: Db, actor: User, requested: string | undefined): Promise<string> {
  if (requested === undefined) {
    const scope = await staffCommunities(db, actor)
    if (Array.isArray(scope) && scope.length === 1) return scope[0]!
    throw errors.validation([
      { field: 'communityId', message: '请选择所属社区', messageEn: 'is required: choose the community it belongs to' },
    ])
  }
  const exists = await db.selectFrom('communities').select('id').where('id', '=', requested).executeTakeFirst()
  if (!exists)
    throw errors.validation([{ field: 'communityId', message: '没有这个社区', messageEn: 'is not a known community' }])
  await assertActsFor(db, actor, requested)
  return requested
}

/** The communities new places go to (a sheet's rows), each distinct one checked once as communityForNewPlace does. */
export async function communitiesForNewPlaces(
  db: Db,
  actor: User,
  requested: (string | undefined)[],
): Promise<string[]> {
  const decided = new Map<string | undefined, string>()
  for (const communityId of new Set(requested))
    decided.set(communityId, await communityForNewPlace(db, actor, communityId))
  return requested.map((communityId) => decided.get(communityId)!)
}

/** Narrows a staff list to the communities the viewer acts for; `null` means no narrowing (a district account). */
export async function visibleCommunities(db: Db, viewer: User): Promise<string[] | null> {
  const scope = await staffCommunities(db, viewer)
  if (scope === null) throw errors.forbidden()
  return scope === 'all' ? null : scope
}

/** The staff who act for a community: those bound to it and the district accounts (bound to none). */
export async function staffActingFor(
  db: Kysely<Database> | Transaction<Database>,
  communityId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('staff_communities as sc', 'sc.user_id', 'users.id')
    .select('users.id')
    .where('users.role', '=', 'staff')
    .where((eb) => eb.or([eb('sc.community_id', '=', communityId), eb('sc.community_id', 'is', null)]))
    .execute()
  return [...new Set(rows.map((r) => r.id))]
}
