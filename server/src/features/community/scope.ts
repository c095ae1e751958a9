import type { Db } from '../../db/index.js'
import type { User } from '../auth/schemas.js'

/** The communities a staff user acts for: 'all' when bound to none (a district-level account). */
export async function staffCommunities(db: Db, user: User | null): Promise<string[] | 'all' | null> {
  if (user?.role !== 'staff') return null
  const rows = await db.selectFrom('staff_communities').select('community_id').where('user_id', '=', user.id).execute()
  return rows.length ? rows.map((r) => r.community_id) : 'all'
}
