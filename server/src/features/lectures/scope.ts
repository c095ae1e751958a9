import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor } from '../community/scope.js'

/**
 * Every staff action on a guesthouse or a session goes through these two: the thing exists (404) and the actor acts
 * for its community (403). A session belongs to its guesthouse's community.
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

export async function assertSessionInScope(db: Db, actor: User, sessionId: string): Promise<void> {
  const session = await db
    .selectFrom('lecture_sessions as s')
    .innerJoin('guesthouses as g', 'g.id', 's.guesthouse_id')
    .select('g.community_id')
    .where('s.id', '=', sessionId)
    .executeTakeFirst()
  if (!session) throw notFound.session()
  await assertActsFor(db, actor, session.community_id)
}
