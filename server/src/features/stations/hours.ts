import { z } from 'zod'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM')

/** One opening range; a close at or before the open means the range runs past midnight (e.g. 20:00–02:00). */
export const openRangeSchema = z.tuple([clock, clock])

/** Seven lists of ranges, Sunday first (the index of Date#getDay); an empty list is a closed day. */
export const weeklyHoursSchema = z.object({
  weekly: z.array(z.array(openRangeSchema).max(4)).length(7),
})
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000 // China has no daylight saving time.

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/** Whether a place with these hours is open at `at`, judged on the wall clock of Asia/Shanghai. */
export function isOpenAt(hours: WeeklyHours, at: Date): boolean {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  const today = local.getUTCDay()
  const yesterday = (today + 6) % 7
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes()

  for (const [open, close] of hours.weekly[today] ?? []) {
    const from = toMinutes(open)
    const to = toMinutes(close)
    if (to > from ? minute >= from && minute < to : minute >= from) return true
  }
  // Yesterday's overnight ranges spill into the small hours of today.
  for (const [open, close] of hours.weekly[yesterday] ?? []) {
    const from = toMinutes(open)
    const to = toMinutes(close)
    if (to <= from && to !== 0 && minute < to) return true
  }
  return false
}

export const ALWAYS_OPEN: WeeklyHours = { weekly: Array.from({ length: 7 }, () => [['00:00', '24:00']]) }
