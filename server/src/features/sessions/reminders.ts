import type { Db } from '../../db/index.js'
import type { PeriodicJob } from '../../shared/periodic-jobs.js'
import { enqueueNotices } from '../notices/notices.js'

/** Queues "starts within the hour" reminders for confirmed seats; the dedupe key makes it once per person. */
export async function queueSessionReminders(db: Db, now: Date): Promise<void> {
  const soon = await db
    .selectFrom('bookings as b')
    .innerJoin('lecture_sessions as s', 's.id', 'b.session_id')
    .select(['b.user_id', 's.id', 's.starts_at'])
    .where('b.status', '=', 'confirmed')
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>', now.toISOString())
    .where('s.starts_at', '<=', new Date(now.getTime() + 3600_000).toISOString())
    .execute()
  await enqueueNotices(
    db,
    soon.map((r) => ({
      userId: r.user_id,
      kind: 'session_reminder' as const,
      dedupeKey: `session_reminder:${r.id}:${r.user_id}:${r.starts_at}`,
      payload: { sessionId: r.id, startsAt: r.starts_at },
    })),
    now.toISOString(),
  )
}

export const sessionReminders: PeriodicJob = { name: 'queue session reminders', run: queueSessionReminders }
