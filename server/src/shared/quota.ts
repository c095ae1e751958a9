import { sql, type Kysely, type Transaction } from 'kysely'
import type { Config } from '../config.js'
import type { Database } from '../db/schema.js'
import { ApiError } from './errors.js'

type Trx = Transaction<Database>

/** How much of one kind of thing a person may store: `limit` within the last `windowMs`, or at once when null. */
export interface Quota {
  limit: number
  windowMs: number | null
  /** What the person is told, e.g. 每天最多发布 10 个心愿 / at most 10 wishes a day. */
  zh: string
  en: string
}

export interface Usage {
  count: number
  /** The oldest counted item's time (ISO), which decides when a windowed quota frees a place. */
  oldest: string | null
}

const HOUR = 3600_000
const DAY = 24 * HOUR

/** The quotas of this deployment, from configuration (`QUOTA_*`). */
export function quotasFrom(config: Config) {
  return {
    wishesOpen: {
      limit: config.QUOTA_WISHES_OPEN,
      windowMs: null,
      zh: `同时最多有 ${config.QUOTA_WISHES_OPEN} 个待审核或征集中的心愿`,
      en: `At most ${config.QUOTA_WISHES_OPEN} wishes waiting for review or open at once`,
    },
    wishesPerDay: {
      limit: config.QUOTA_WISHES_PER_DAY,
      windowMs: DAY,
      zh: `每天最多发布 ${config.QUOTA_WISHES_PER_DAY} 个心愿`,
      en: `At most ${config.QUOTA_WISHES_PER_DAY} wishes a day`,
    },
    reportsPerHour: {
      limit: config.QUOTA_REPORTS_PER_HOUR,
      windowMs: HOUR,
      zh: `每小时最多反馈 ${config.QUOTA_REPORTS_PER_HOUR} 次，工作人员正在处理`,
      en: `At most ${config.QUOTA_REPORTS_PER_HOUR} reports an hour; staff are on it`,
    },
    uploadsPerDay: {
      limit: config.QUOTA_UPLOADS_PER_DAY,
      windowMs: DAY,
      zh: `每天最多上传 ${config.QUOTA_UPLOADS_PER_DAY} 张照片`,
      en: `At most ${config.QUOTA_UPLOADS_PER_DAY} photos a day`,
    },
  } satisfies Record<string, Quota>
}
export type Quotas = ReturnType<typeof quotasFrom>

/**
 * Takes the person's row lock for the rest of the transaction: an UPDATE locks the row on PostgreSQL (other
 * transactions of the same person wait, on any instance), and SQLite runs one write transaction at a time.
 */
export async function lockPerson(trx: Trx, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', userId)
    .execute()
}

/** Where a windowed quota starts counting at `now` (everything ever, for a quota held at once). */
export const windowStart = (quota: Quota, now: Date) =>
  quota.windowMs === null ? '' : new Date(now.getTime() - quota.windowMs).toISOString()

/** Refuses with 429 (and when to try again) if `usage` leaves no room for one more under the quota. */
export function assertRoomFor(quota: Quota, now: Date, { count, oldest }: Usage): void {
  if (count < quota.limit) return
  const freesAt = quota.windowMs !== null && oldest ? new Date(oldest).getTime() + quota.windowMs : now.getTime() + HOUR
  throw overQuota(quota, Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)))
}

/**
 * Refuses with 429 (and when to try again) if storing one more would pass the quota. Call it inside the
 * transaction that stores, before the insert: it locks the person first, so the count it reads cannot change
 * until that transaction ends, and a burst of parallel requests stores exactly `limit`.
 */
export async function assertWithinQuota(
  trx: Trx,
  userId: string,
  quota: Quota,
  now: Date,
  usage: (since: string) => Promise<Usage>,
): Promise<void> {
  await lockPerson(trx, userId)
  assertRoomFor(quota, now, await usage(windowStart(quota, now)))
}

/** The tables whose rows a windowed quota counts, each with the column naming whose row it is. */
const OWNED_ROWS = { station_reports: 'user_id', wishes: 'resident_id', uploads: 'owner_id' } as const

/** What a person stored in `table` since `since`: the usage a windowed quota is decided on. */
export async function storedSince(
  trx: Kysely<Database>,
  table: keyof typeof OWNED_ROWS,
  ownerId: string,
  since: string,
) {
  const { rows } = await sql<{ n: number | string; oldest: string | null }>`
    select count(*) as n, min(created_at) as oldest from ${sql.table(table)}
    where ${sql.ref(OWNED_ROWS[table])} = ${ownerId} and created_at > ${since}`.execute(trx)
  return { count: Number(rows[0]?.n ?? 0), oldest: rows[0]?.oldest ?? null } satisfies Usage
}

export const overQuota = (quota: Pick<Quota, 'zh' | 'en'>, retryAfterSeconds: number) =>
  new ApiError(429, 'RATE_LIMITED', `${quota.zh}，请稍后再试`, `${quota.en}; please try again later`, undefined, {
    'retry-after': String(retryAfterSeconds),
  })
