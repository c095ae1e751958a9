import { sql } from 'kysely'
import type { Db } from '../../db/index.js'
import type { NoticeKind } from '../notices/notices.js'

/** Records that the person accepted these kinds in WeChat's subscribe prompt: one more message of each may go out. */
export async function grantConsent(db: Db, userId: string, kinds: readonly NoticeKind[], at: string) {
  if (kinds.length === 0) return
  await db
    .insertInto('notice_consents')
    .values(kinds.map((kind) => ({ user_id: userId, kind, credits: 1, updated_at: at })))
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet({ credits: sql`notice_consents.credits + 1`, updated_at: at }),
    )
    .execute()
}

/** Spends one of the person's credits for this kind; false when they have none (the message must not be sent). */
export async function takeConsent(db: Db, userId: string, kind: NoticeKind, at: string): Promise<boolean> {
  const spent = await db
    .updateTable('notice_consents')
    .set({ credits: sql`credits - 1`, updated_at: at })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('credits', '>', 0)
    .executeTakeFirst()
  return Number(spent.numUpdatedRows) === 1
}

export async function consentsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('notice_consents')
    .select(['kind', 'credits'])
    .where('user_id', '=', userId)
    .orderBy('kind')
    .execute()
  return rows.map((r) => ({ kind: r.kind as NoticeKind, credits: Number(r.credits) }))
}
