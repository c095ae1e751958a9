import { z } from 'zod'
import { SHANGHAI_OFFSET_MS } from '../../shared/shanghai-time.js'

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

const DAY_MS = 24 * 60 * 60 * 1000

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/** The Shanghai wall clock at one moment: computed once per request, then asked of every station. */
export interface ShanghaiClock {
  weekday: number
  date: string
  minute: number
  yesterday: { weekday: number; date: string }
}

export function shanghaiClock(at: Date): ShanghaiClock {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  const before = new Date(local.getTime() - DAY_MS)
  return {
    weekday: local.getUTCDay(),
    date: local.toISOString().slice(0, 10),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
    yesterday: { weekday: before.getUTCDay(), date: before.toISOString().slice(0, 10) },
  }
}

function rangesOnDay(hours: WeeklyHours, day: { weekday: number; date: string }): [string, string][] {
  if (hours.closedDates?.includes(day.date)) return []
  return hours.weekly[day.weekday] ?? []
}

/** The ranges that apply on the Shanghai day of the clock (none on a closed date). */
export const rangesOn = (hours: WeeklyHours, clock: ShanghaiClock) => rangesOnDay(hours, clock)

/** Whether a place with these hours is open at that moment of the Shanghai wall clock. */
export function isOpenAt(hours: WeeklyHours, clock: ShanghaiClock): boolean {
  const { minute } = clock
  for (const [open, close] of rangesOnDay(hours, clock)) {
    const from = toMinutes(open)
    const to = toMinutes(close)
    if (to > from ? minute >= from && minute < to : minute >= from) return true
  }
  // Yesterday's overnight ranges spill into the small hours of today.
  for (const [open, close] of rangesOnDay(hours, clock.yesterday)) {
    const from = toMinutes(open)
    const to = toMinutes(close)
    if (to <= from && to !== 0 && minute < to) return true
  }
  return false
}
