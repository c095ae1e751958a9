/**
 * The old town's clock, for both sides (the app imports it as `@values/shanghai-clock`): plain functions, no imports.
 * China keeps one clock, UTC+8, with no daylight saving time: local dates and weeks are a fixed shift away.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000
export const WEEK_MS = 7 * DAY_MS

/** The moment the Shanghai week (Monday 00:00 local) holding `at` began. */
export function shanghaiWeekStart(at: Date): Date {
  const local = at.getTime() + SHANGHAI_OFFSET_MS
  const localMidnight = Math.floor(local / DAY_MS) * DAY_MS
  const daysSinceMonday = (new Date(localMidnight).getUTCDay() + 6) % 7
  return new Date(localMidnight - daysSinceMonday * DAY_MS - SHANGHAI_OFFSET_MS)
}

/** The Shanghai calendar date of a moment, `YYYY-MM-DD`. */
export const shanghaiDate = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

/** The moments a stretch of Shanghai calendar dates (`YYYY-MM-DD`, both included) covers: [start, end) in ms. */
export function shanghaiDays(from: string, to: string): { start: number; end: number } {
  const midnight = (date: string) => Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS
  return { start: midnight(from), end: midnight(to) + DAY_MS }
}

/** English month names as the app and notices write them (`25 Nov`). */
export const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A moment on the Shanghai wall clock for people to read: `11月25日 20:00` / `25 Nov 20:00`. */
export function shanghaiDateTime(iso: string): { zh: string; en: string } {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)
  const time = local.toISOString().slice(11, 16)
  return {
    zh: `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${time}`,
    en: `${local.getUTCDate()} ${MONTHS_EN[local.getUTCMonth()]} ${time}`,
  }
}
