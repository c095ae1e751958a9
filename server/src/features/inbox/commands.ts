import type { Db } from '../../db/index.js'
import type { PeriodicJob } from '../../shared/periodic-jobs.js'
import { retentionCutoff, unreadCount } from './queries.js'

/** Marks the person's own notices read (all of them without ids); returns what is still unread. */
export async function markRead(db: Db, userId: string, ids: string[] | undefined, now: Date): Promise<number> {
  await db
    .updateTable('inbox_notices')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .execute()
  return unreadCount(db, userId, now)
}

/** The background loop's sweep: notices past their retention are deleted. Returns how many. */
export async function purgeExpiredNotices(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('inbox_notices').where('created_at', '<', retentionCutoff(now)).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export const expiredNoticesPurge: PeriodicJob = { name: 'purge expired notices', run: purgeExpiredNotices }
