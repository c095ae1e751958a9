import { findResponseByCommunity, findResponseTimes } from '../targets/queries.js'
import type { Targets } from '../targets/schemas.js'
import { sql, type ExpressionBuilder } from 'kysely'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import { shanghaiDate, shanghaiWeekStart, WEEK_MS } from '../../shared/values/shanghai-clock.js'
import { WISH_CATEGORIES } from '../../shared/values/orders.js'
import { PUBLIC_STATUSES } from '../wishes/schemas.js'
import { activityHours, wishHours } from '../members/hours.js'
import type { CommunityFigures, CommunityList, Stats, Trends, WishBreakdown } from './schemas.js'

/** Communities to count in, or `null` for the whole old town. */
export type CommunityScope = string[] | null

/**
 * Week by week, oldest first, the last `weeks` Shanghai weeks (Monday to Sunday) up to the current one. Each figure
 * is one query over the whole range, its rows numbered by week with a CASE over the week boundaries (computed here,
 * so SQLite and PostgreSQL compare the same ISO strings) and counted per number.
 */
export async function weeklyTrends(
  db: Db,
  now: Date,
  weeks: number,
  communities: CommunityScope = null,
): Promise<Trends> {
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
  const held = byWeek('lecture_sessions.ends_at')
  const attended = byWeek('bookings.checked_in_at')
  const verified = byWeek('decided_at')
  const activityEnded = byWeek('activities.ends_at')
  // Hours are dated as the service record dates them: an activity's by its start, a wish's by its confirmation.
  const activityServed = byWeek('a.starts_at')
  const hours = (column: string) => db.fn.sum<number>(sql.ref(column)).as('n')
  const scoped = communities !== null
  const sessions = db
    .selectFrom('lecture_sessions')
    .innerJoin('guesthouses', 'guesthouses.id', 'lecture_sessions.guesthouse_id')
  const [
    wishesSolved,
    lecturesHeld,
    attendances,
    membersVerified,
    activitiesHeld,
    activityHoursServed,
    wishHoursServed,
  ] = await Promise.all([
    perWeek(
      db
        .selectFrom('wishes')
        .select([solved.week, n])
        .where('status', '=', 'confirmed')
        .where(solved.inRange)
        .$if(scoped, (q) => q.where('wishes.community_id', 'in', communities!))
        .groupBy(week)
        .execute(),
    ),
    perWeek(
      sessions
        .select([held.week, n])
        .where('lecture_sessions.status', '=', 'scheduled')
        .where('lecture_sessions.ends_at', '<', now.toISOString())
        .where(held.inRange)
        .$if(scoped, (q) => q.where('guesthouses.community_id', 'in', communities!))
        .groupBy(week)
        .execute(),
    ),
    perWeek(
      sessions
        .innerJoin('bookings', 'bookings.session_id', 'lecture_sessions.id')
        .select([attended.week, n])
        .where(attended.inRange)
        .$if(scoped, (q) => q.where('guesthouses.community_id', 'in', communities!))
        .groupBy(week)
        .execute(),
    ),
    perWeek(
      db
        .selectFrom('members')
        .select([verified.week, n])
        .where('status', '=', 'verified')
        .where(verified.inRange)
        .$if(scoped, (q) => q.where('members.community_id', 'in', communities!))
        .groupBy(week)
        .execute(),
    ),
    perWeek(
      db
        .selectFrom('activities')
        .select([activityEnded.week, n])
        .where('activities.status', '=', 'scheduled')
        .where('activities.ends_at', '<', now.toISOString())
        .where(activityEnded.inRange)
        .$if(scoped, (q) => q.where('activities.community_id', 'in', communities!))
        .groupBy(week)
        .execute(),
    ),
    perWeek(
      activityHours(db)
        .select([activityServed.week, hours('s.hours')])
        .where(activityServed.inRange)
        .$if(scoped, (q) => q.where('a.community_id', 'in', communities!))
        .groupBy(week)
        .execute(),
    ),
    perWeek(
      wishHours(db)
        .select([solved.week, hours('hours_served')])
        .where(solved.inRange)
        .$if(scoped, (q) => q.where('wishes.community_id', 'in', communities!))
        .groupBy(week)
        .execute(),
    ),
  ])
  return {
    items: bounds.slice(0, weeks).map((start, i) => ({
      weekStart: shanghaiDate(new Date(start)),
      wishesSolved: wishesSolved[i]!,
      lecturesHeld: lecturesHeld[i]!,
      attendances: attendances[i]!,
      membersVerified: membersVerified[i]!,
      activitiesHeld: activitiesHeld[i]!,
      volunteerHours: Math.round((activityHoursServed[i]! + wishHoursServed[i]!) * 100) / 100,
    })),
  }
}

/** Trends change slowly and every visitor asks the same few questions: one answer per length, per minute. */
export function createPublicTrends(db: Db) {
  const cache = new Map<number, { minute: number; trends: Trends }>()
  return async (now: Date, weeks: number): Promise<Trends> => {
    const minute = Math.floor(now.getTime() / 60_000)
    const cached = cache.get(weeks)
    if (cached?.minute === minute) return cached.trends
    const trends = await weeklyTrends(db, now, weeks)
    cache.set(weeks, { minute, trends })
    return trends
  }
}

/** A wish that reached the wall, disputed ones too; solved ones were fulfilled, whether confirmed yet or not. */
const SHOWN = [...PUBLIC_STATUSES, 'disputed'] as const
const SOLVED = ['fulfilled', 'confirmed'] as const

/** Wishes that reached the wall and those solved, by category (all of them) and by community (all in scope). */
export async function wishBreakdown(db: Db, communities: CommunityScope = null): Promise<WishBreakdown> {
  const scoped = communities !== null
  const tally = (eb: ExpressionBuilder<Database, 'wishes'>) =>
    [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('wishes.status', 'in', SOLVED).then(1).else(0).end()).as('solved'),
    ] as const
  const [byCategory, byCommunity, names] = await Promise.all([
    db
      .selectFrom('wishes')
      .select((eb) => ['category', ...tally(eb)])
      .where('status', 'in', SHOWN)
      .$if(scoped, (q) => q.where('community_id', 'in', communities!))
      .groupBy('category')
      .execute(),
    db
      .selectFrom('wishes')
      .select((eb) => ['community_id', ...tally(eb)])
      .where('status', 'in', SHOWN)
      .$if(scoped, (q) => q.where('community_id', 'in', communities!))
      .groupBy('community_id')
      .execute(),
    findCommunities(db, communities),
  ])
  const counts = (row: { total: unknown; solved: unknown } | undefined) => ({
    total: Number(row?.total ?? 0),
    solved: Number(row?.solved ?? 0),
  })
  return {
    byCategory: WISH_CATEGORIES.map((category) => ({
      category,
      ...counts(byCategory.find((r) => r.category === category)),
    })),
    byCommunity: names.map(({ id, name, nameEn }) => ({
      communityId: id,
      name,
      nameEn,
      ...counts(byCommunity.find((r) => r.community_id === id)),
    })),
  }
}

/** The communities in display order, all of them or those in scope. */
export async function findCommunities(db: Db, communities: CommunityScope): Promise<CommunityList['items']> {
  return db
    .selectFrom('communities')
    .select((eb) => ['id', 'name', eb.fn.coalesce('name_en', 'name').as('nameEn')])
    .$if(communities !== null, (q) => q.where('id', 'in', communities!))
    .orderBy('sort_order')
    .execute()
}

/** The old town's headline figures, each counted from the database. */
export async function findStats(db: Db, now: Date, targets: Targets): Promise<Stats> {
  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) =>
    Number((await query.executeTakeFirstOrThrow()).n)
  const n = db.fn.countAll<number>().as('n')
  const wishesIn = (statuses: ('published' | 'claimed' | 'fulfilled' | 'confirmed')[]) =>
    count(db.selectFrom('wishes').select(n).where('status', 'in', statuses))
  const at = now.toISOString()
  const [
    stations,
    guesthouses,
    lecturesHeld,
    lectureAttendances,
    published,
    claimed,
    fulfilled,
    urgentSolved,
    verified,
    responseTimes,
  ] = await Promise.all([
    count(db.selectFrom('stations').select(n)),
    count(db.selectFrom('guesthouses').select(n)),
    count(db.selectFrom('lecture_sessions').select(n).where('status', '=', 'scheduled').where('ends_at', '<', at)),
    count(db.selectFrom('bookings').select(n).where('checked_in_at', 'is not', null)),
    wishesIn(['published']),
    wishesIn(['claimed', 'fulfilled', 'confirmed']),
    wishesIn([...SOLVED]),
    count(db.selectFrom('wishes').select(n).where('status', 'in', SOLVED).where('urgent', '=', 1)),
    count(db.selectFrom('members').select(n).where('status', '=', 'verified')),
    findResponseTimes(db, targets),
  ])
  return {
    stations,
    guesthouses,
    lecturesHeld,
    lectureAttendances,
    wishes: { published, claimed, fulfilled, urgentSolved },
    members: { verified },
    responseTimes,
  }
}

type WishTally = CommunityFigures['items'][number]['wishes']
const emptyWishes = (): WishTally => ({
  pendingReview: 0,
  published: 0,
  claimed: 0,
  fulfilled: 0,
  confirmed: 0,
  disputed: 0,
  urgentSolved: 0,
})
const WISH_FIGURE: Partial<Record<string, Exclude<keyof WishTally, 'urgentSolved'>>> = {
  pending_review: 'pendingReview',
  published: 'published',
  claimed: 'claimed',
  fulfilled: 'fulfilled',
  confirmed: 'confirmed',
  disputed: 'disputed',
}

/**
 * Wishes by state, members, response times and wishes past a target per community, every community in scope listed,
 * zeros too.
 */
export async function findCommunityFigures(
  db: Db,
  communities: CommunityScope,
  now: Date,
  targets: Targets,
): Promise<CommunityFigures> {
  const scoped = communities !== null
  const names = await findCommunities(db, communities)
  const [wishes, members, response] = await Promise.all([
    db
      .selectFrom('wishes')
      .select((eb) => ['community_id', 'status', 'urgent', eb.fn.countAll<number>().as('n')])
      .$if(scoped, (q) => q.where('community_id', 'in', communities!))
      .groupBy(['community_id', 'status', 'urgent'])
      .execute(),
    db
      .selectFrom('members')
      .select((eb) => ['community_id', 'status', eb.fn.countAll<number>().as('n')])
      .$if(scoped, (q) => q.where('community_id', 'in', communities!))
      .groupBy(['community_id', 'status'])
      .execute(),
    findResponseByCommunity(
      db,
      now,
      targets,
      names.map((c) => c.id),
    ),
  ])
  const figures = new Map(
    names.map((c) => [
      c.id,
      {
        communityId: c.id,
        name: c.name,
        nameEn: c.nameEn,
        wishes: emptyWishes(),
        members: { verified: 0, pending: 0 },
        ...response.get(c.id)!,
      },
    ]),
  )
  for (const row of wishes) {
    const tally = figures.get(row.community_id)?.wishes
    const figure = WISH_FIGURE[row.status]
    if (!tally || !figure) continue
    tally[figure] += Number(row.n)
    if (row.urgent && (SOLVED as readonly string[]).includes(row.status)) tally.urgentSolved += Number(row.n)
  }
  for (const row of members) {
    const tally = figures.get(row.community_id)?.members
    if (tally && (row.status === 'verified' || row.status === 'pending')) tally[row.status] += Number(row.n)
  }
  return { items: [...figures.values()] }
}
