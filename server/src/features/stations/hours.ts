import { z } from 'zod'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM')

/** One opening range; a close at or before the open means the range runs past midnight (e.g. 20:00–02:00). */
export const openRangeSchema = z.tuple([clock, clock])

/** Seven lists of ranges, Sunday first (the index of Date#getDay); an empty list is a closed day. */
export const weeklyHoursSchema = z.object({
  weekly: z.array(z.array(openRangeSchema).max(4)).length(7),
  /** Whole local dates (YYYY-MM-DD, Asia/Shanghai) the place is closed, e.g. a holiday. */
  closedDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')).max(60).optional(),
})
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000 // China has no daylight saving time.
const DAY_MS = 24 * 60 * 60 * 1000

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/** The Shanghai wall-clock day of `at`: its weekday, date and minute of the day. */
function shanghaiDay(at: Date) {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  return {
    weekday: local.getUTCDay(),
    date: local.toISOString().slice(0, 10),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  }
}

/** The ranges that apply on the Shanghai day of `at` (none on a closed date). */
export function rangesOn(hours: WeeklyHours, at: Date): [string, string][] {
  const day = shanghaiDay(at)
  if (hours.closedDates?.includes(day.date)) return []
  return hours.weekly[day.weekday] ?? []
}

/** Whether a place with these hours is open at `at`, judged on the wall clock of Asia/Shanghai. */
export function isOpenAt(hours: WeeklyHours, at: Date): boolean {
  const { minute } = shanghaiDay(at)
  for (const [open, close] of rangesOn(hours, at)) {
    const from = toMinutes(open)
    const to = toMinutes(close)
    if (to > from ? minute >= from && minute < to : minute >= from) return true
  }
  // Yesterday's overnight ranges spill into the small hours of today.
  for (const [open, close] of rangesOn(hours, new Date(at.getTime() - DAY_MS))) {
    const from = toMinutes(open)
    const to = toMinutes(close)
    if (to <= from && to !== 0 && minute < to) return true
  }
  return false
}
