import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor } from '../community/scope.js'

/**
 * Every staff action on a session goes through this: the session exists (404) and the actor acts for its
 * guesthouse's community (403), the community a session belongs to.
 */
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
