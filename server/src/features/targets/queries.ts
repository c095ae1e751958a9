import type { Db } from '../../db/index.js'
import type { TargetStage } from '../../db/schema.js'
import { selectWishes, fullView } from '../wishes/views.js'
import type { OverdueList, ResponseTimes, Targets } from './schemas.js'

const HOUR_MS = 3600_000
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR_MS
const oneDecimal = (n: number) => Math.round(n * 10) / 10

/** The moment before which a wish's clock must have started for it to be past `hours`. */
const cutoff = (now: Date, hours: number) => new Date(now.getTime() - hours * HOUR_MS).toISOString()

/** Wishes past a target now: waiting for review since submission, or on the wall unclaimed since publication. */
export function overdueWishes(db: Db, now: Date, targets: Targets, scope: string[] | null) {
  return selectWishes(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('w.status', '=', 'pending_review'), eb('w.created_at', '<', cutoff(now, targets.reviewHours))]),
        eb.and([eb('w.status', '=', 'published'), eb('w.published_at', '<', cutoff(now, targets.claimHours))]),
      ]),
    )
    .$if(scope !== null, (q) => q.where('w.community_id', 'in', scope!))
}

export const stageOf = (status: string): TargetStage => (status === 'pending_review' ? 'review' : 'claim')

/** What staff act on first: the wishes longest past their target, in the communities they act for. */
export async function findOverdue(db: Db, now: Date, targets: Targets, scope: string[] | null): Promise<OverdueList> {
  const rows = await overdueWishes(db, now, targets, scope).limit(500).execute()
  const items = rows.map((row) => {
    const stage = stageOf(row.status)
    const since = stage === 'review' ? row.created_at : row.published_at!
    const target = stage === 'review' ? targets.reviewHours : targets.claimHours
    return {
      wish: fullView(row, true),
      stage,
      overdueHours: oneDecimal(hoursBetween(since, now.toISOString()) - target),
    }
  })
  return { items: items.sort((a, b) => b.overdueHours - a.overdueHours) }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return oneDecimal(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2)
}

const onTargetPct = (values: number[], target: number) =>
  values.length === 0 ? null : oneDecimal((100 * values.filter((v) => v <= target).length) / values.length)

type TimedWish = {
  created_at: string
  reviewed_at: string | null
  first_claimed_at: string | null
  confirmed_at: string | null
}

/** A wish staff posted for a resident (代办) was never reviewed: it counts from its posting for the claim. */
function responseTimesOf(rows: TimedWish[], targets: Targets): ResponseTimes {
  const review = rows.flatMap((r) => (r.reviewed_at ? [hoursBetween(r.created_at, r.reviewed_at)] : []))
  const claim = rows
    .filter((r) => r.first_claimed_at)
    .map((r) => hoursBetween(r.reviewed_at ?? r.created_at, r.first_claimed_at!))
  const solve = rows.filter((r) => r.confirmed_at).map((r) => hoursBetween(r.created_at, r.confirmed_at!))
  return {
    reviewMedianHours: median(review),
    claimMedianHours: median(claim),
    solveMedianHours: median(solve),
    reviewOnTargetPct: onTargetPct(review, targets.reviewHours),
    claimOnTargetPct: onTargetPct(claim, targets.claimHours),
  }
}

/** The wishes the response figures count: reviewed since the times were recorded, or posted on behalf. */
const timedWishes = (db: Db, scope: string[] | null) =>
  db
    .selectFrom('wishes')
    .select(['community_id', 'created_at', 'reviewed_at', 'first_claimed_at', 'confirmed_at'])
    .where((eb) => eb.or([eb('reviewed_at', 'is not', null), eb('posted_by', 'is not', null)]))
    .$if(scope !== null, (q) => q.where('community_id', 'in', scope!))
    .execute()

/** Medians and shares on target, counted over every wish that reached each step since the times were recorded. */
export async function findResponseTimes(db: Db, targets: Targets): Promise<ResponseTimes> {
  return responseTimesOf(await timedWishes(db, null), targets)
}

/**
 * The same figures and how many wishes are past a target now, per community in scope (every one of `communityIds`
 * listed, with nulls and zeros where nothing is counted).
 */
export async function findResponseByCommunity(
  db: Db,
  now: Date,
  targets: Targets,
  communityIds: string[],
): Promise<Map<string, { responseTimes: ResponseTimes; overdue: number }>> {
  if (communityIds.length === 0) return new Map()
  const [timed, overdue] = await Promise.all([
    timedWishes(db, communityIds),
    overdueWishes(db, now, targets, communityIds)
      .clearSelect()
      .select((eb) => ['w.community_id', eb.fn.countAll<number>().as('n')])
      .groupBy('w.community_id')
      .execute(),
  ])
  return new Map(
    communityIds.map((id) => [
      id,
      {
        responseTimes: responseTimesOf(
          timed.filter((r) => r.community_id === id),
          targets,
        ),
        overdue: Number(overdue.find((r) => r.community_id === id)?.n ?? 0),
      },
    ]),
  )
}
