import { sql } from 'kysely'
import type { Db } from '../../db/index.js'
import { shanghaiDate, shanghaiWeekStart, WEEK_MS } from '../../shared/shanghai-time.js'
import type { Trends } from './schemas.js'

/**
 * Week by week, oldest first, the last `weeks` Shanghai weeks (Monday to Sunday) up to the current one. Each figure
 * is one query over the whole range, its rows numbered by week with a CASE over the week boundaries (computed here,
 * so SQLite and PostgreSQL compare the same ISO strings) and counted per number.
 */
export async function weeklyTrends(db: Db, now: Date, weeks: number): Promise<Trends> {
  const first = shanghaiWeekStart(now).getTime() - (weeks - 1) * WEEK_MS
  const bounds = Array.from({ length: weeks + 1 }, (_, i) => new Date(first + i * WEEK_MS).toISOString())
  const byWeek = (column: string) => {
    const at = sql.ref(column)
    const numbers = bounds.slice(1).map((end, i) => sql`when ${at} < ${end} then ${sql.lit(i)}`)
    return {
      week: sql<number>`case ${sql.join(numbers, sql` `)} end`.as('week'),
      inRange: sql<boolean>`${at} >= ${bounds[0]} and ${at} < ${bounds[weeks]}`,
    }
  }
  const perWeek = async (rows: Promise<{ week: unknown; n: unknown }[]>) => {
    const counts = Array<number>(weeks).fill(0)
    for (const row of await rows) counts[Number(row.week)] = Number(row.n)
    return counts
  }
  const n = db.fn.countAll().as('n')
  const week = sql`week`
  const solved = byWeek('confirmed_at')
  const held = byWeek('ends_at')
  const attended = byWeek('checked_in_at')
  const verified = byWeek('decided_at')
  const [wishesSolved, lecturesHeld, attendances, membersVerified] = await Promise.all([
    perWeek(db.selectFrom('wishes').select([solved.week, n]).where('status', '=', 'confirmed').where(solved.inRange).groupBy(week).execute()),
    perWeek(
      db
        .selectFrom('lecture_sessions')
        .select([held.week, n])
        .where('status', '=', 'scheduled')
        .where('ends_at', '<', now.toISOString())
        .where(held.inRange)
        .groupBy(week)
        .execute(),
    ),
    perWeek(db.selectFrom('bookings').select([attended.week, n]).where(attended.inRange).groupBy(week).execute()),
    perWeek(db.selectFrom('members').select([verified.week, n]).where('status', '=', 'verified').where(verified.inRange).groupBy(week).execute()),
  ])
  return {
    items: bounds.slice(0, weeks).map((start, i) => ({
      weekStart: shanghaiDate(new Date(start)),
      wishesSolved: wishesSolved[i]!,
      lecturesHeld: lecturesHeld[i]!,
      attendances: attendances[i]!,
      membersVerified: membersVerified[i]!,
    })),
  }
}
