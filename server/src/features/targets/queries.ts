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
    return { wish: fullView(row), stage, overdueHours: oneDecimal(hoursBetween(since, now.toISOString()) - target) }
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

/** Medians and shares on target, counted over every wish that reached each step since the times were recorded. */
export async function findResponseTimes(db: Db, targets: Targets): Promise<ResponseTimes> {
  const rows = await db
    .selectFrom('wishes')
    .select(['created_at', 'reviewed_at', 'first_claimed_at', 'confirmed_at'])
    .where('reviewed_at', 'is not', null)
    .execute()
  const review = rows.map((r) => hoursBetween(r.created_at, r.reviewed_at!))
  const claim = rows.filter((r) => r.first_claimed_at).map((r) => hoursBetween(r.reviewed_at!, r.first_claimed_at!))
  const solve = rows.filter((r) => r.confirmed_at).map((r) => hoursBetween(r.created_at, r.confirmed_at!))
  return {
    reviewMedianHours: median(review),
    claimMedianHours: median(claim),
    solveMedianHours: median(solve),
    reviewOnTargetPct: onTargetPct(review, targets.reviewHours),
    claimOnTargetPct: onTargetPct(claim, targets.claimHours),
  }
}
