import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor } from '../community/scope.js'

/**
 * Every staff action on a guesthouse, and on the sessions it hosts, goes through this: the guesthouse exists (404)
 * and the actor acts for its community (403).
 */
export async function assertGuesthouseInScope(db: Db, actor: User, guesthouseId: string): Promise<void> {
  const place = await db
    .selectFrom('guesthouses')
    .select('community_id')
    .where('id', '=', guesthouseId)
    .executeTakeFirst()
  if (!place) throw notFound.guesthouse()
  await assertActsFor(db, actor, place.community_id)
}
