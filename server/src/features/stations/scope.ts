import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { assertActsFor } from '../community/scope.js'

/** Every staff action on one station goes through here: it exists (404) and the actor acts for its community (403). */
export async function assertStationInScope(db: Db, actor: User, stationId: string): Promise<void> {
  const station = await db.selectFrom('stations').select('community_id').where('id', '=', stationId).executeTakeFirst()
  if (!station) throw notFound.station()
  await assertActsFor(db, actor, station.community_id)
}
