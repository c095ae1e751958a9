import type { Kysely, Transaction } from 'kysely'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import { newId } from '../../shared/ids.js'
import type { Notice } from '../notifications/outbox.js'
import { retentionCutoff, unreadCount } from './queries.js'

/** Keeps the notices for their people to read in the app, in the caller's transaction (the outbox's twin row). */
export async function keepInInbox(trx: Transaction<Database> | Kysely<Database>, notices: Notice[], at: string) {
  if (notices.length === 0) return
  await trx
    .insertInto('inbox_notices')
    .values(
      notices.map((n) => ({
        id: newId('nt'),
        user_id: n.userId,
        kind: n.kind,
        dedupe_key: n.dedupeKey,
        payload_json: JSON.stringify(n.payload),
        created_at: at,
        read_at: null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}

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

/** The notice worker's sweep: notices past their retention are deleted. Returns how many. */
export async function purgeExpiredNotices(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('inbox_notices').where('created_at', '<', retentionCutoff(now)).executeTakeFirst()
  return Number(result.numDeletedRows)
}
