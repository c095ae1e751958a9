import type { Db } from '../../db/index.js'
import { staffActingFor } from '../community/scope.js'
import type { PeriodicJob } from '../../shared/periodic-jobs.js'
import { enqueueNotices } from '../notices/notices.js'
import { overdueWishes, stageOf } from './queries.js'
import type { Targets } from './schemas.js'

/**
 * The worker's sweep: each wish past a target tells its community's staff once per stage. Whether it was told is
 * decided by inserting its (wish, stage) row: of several instances sweeping at once, only the one whose insert
 * lands sends, in the same transaction. Returns how many wishes were newly reported.
 */
export async function alertOverdueWishes(db: Db, now: Date, targets: Targets): Promise<number> {
  const at = now.toISOString()
  const overdue = await overdueWishes(db, now, targets, null)
    .leftJoin('wish_target_alerts as a', (join) => join.onRef('a.wish_id', '=', 'w.id'))
    .select('a.stage as alerted_stage')
    .execute()
  const fresh = new Map(overdue.map((row) => [row.id, row]))
  for (const row of overdue) if (row.alerted_stage === stageOf(row.status)) fresh.delete(row.id)
  let reported = 0
  for (const wish of fresh.values()) {
    const stage = stageOf(wish.status)
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('wish_target_alerts')
        .values({ wish_id: wish.id, stage, alerted_at: at })
        .onConflict((oc) => oc.columns(['wish_id', 'stage']).doNothing())
        .returning('wish_id')
        .executeTakeFirst()
      if (!inserted) return
      reported += 1
      const kind = stage === 'review' ? 'wish_review_overdue' : 'wish_claim_overdue'
      const staff = await staffActingFor(trx, wish.community_id)
      await enqueueNotices(
        trx,
        staff.map((userId) => ({
          userId,
          kind,
          dedupeKey: `${kind}:${wish.id}:${userId}`,
          payload: { wishId: wish.id },
        })),
        at,
      )
    })
  }
  return reported
}

export const overdueWishAlerts = (targets: Targets): PeriodicJob => ({
  name: 'tell staff of wishes past their response target',
  run: (db, now) => alertOverdueWishes(db, now, targets),
})
