import { z } from 'zod'
import { SHANGHAI_OFFSET_MS } from '../../shared/values/shanghai-clock.js'
import { nameSchemas } from '../../shared/openapi-components.js'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM')

/** One opening range; a close at or before the open means the range runs past midnight (e.g. 20:00–02:00). */
export const openRangeSchema = z.tuple([clock, clock])

/** Seven lists of ranges, Sunday first (the index of Date#getDay); an empty list is a closed day. */
export const weeklyHoursSchema = z.object({
  weekly: z.array(z.array(openRangeSchema).max(4)).length(7),
  /** Whole local dates (YYYY-MM-DD, Asia/Shanghai) the place is closed, e.g. a holiday. */
  closedDates: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'))
    .max(60)
    .optional(),
})
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>

const DAY_MS = 24 * 60 * 60 * 1000

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/**
 * The Shanghai wall clock at one moment, computed once per request and asked of every station. Days are counted
 * from 1970-01-01 (a Thursday) rather than written as dates: formatting a date on every request showed in the profile.
 */
export interface ShanghaiClock {
  weekday: number
  day: number
  minute: number
  yesterday: { weekday: number; day: number }
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS

export function shanghaiClock(at: Date): ShanghaiClock {
  const local = at.getTime() + SHANGHAI_OFFSET_MS
  const day = Math.floor(local / DAY_MS)
  const weekday = (day + 4) % 7
  return {
    weekday,
    day,
    minute: Math.floor((local - day * DAY_MS) / 60_000),
    yesterday: { weekday: (weekday + 6) % 7, day: day - 1 },
  }
}

function rangesOnDay(hours: WeeklyHours, day: { weekday: number; day: number }): [string, string][] {
  if (hours.closedDates?.some((date) => dayNumber(date) === day.day)) return []
  return hours.weekly[day.weekday] ?? []
}

/** The ranges that apply on the Shanghai day of the clock (none on a closed date). */
export const rangesOn = (hours: WeeklyHours, clock: ShanghaiClock) => rangesOnDay(hours, clock)

/**
 * Weekly hours as minutes of the day, decoded once when the catalog loads: every list request asks every station
 * whether it is open, and parsing "HH:MM" there showed up in the profile.
 */
export interface OpeningMinutes {
  weekly: (readonly [from: number, to: number])[][]
  closedDays: ReadonlySet<number>
}

export const openingMinutes = (hours: WeeklyHours): OpeningMinutes => ({
  weekly: hours.weekly.map((day) => day.map(([open, close]) => [toMinutes(open), toMinutes(close)] as const)),
  closedDays: new Set((hours.closedDates ?? []).map(dayNumber)),
})

const minutesOn = (opening: OpeningMinutes, day: { weekday: number; day: number }) =>
  opening.closedDays.has(day.day) ? [] : (opening.weekly[day.weekday] ?? [])

/** Whether a place with these hours is open at that moment of the Shanghai wall clock. */
export function isOpenAt(opening: OpeningMinutes, clock: ShanghaiClock): boolean {
  const { minute } = clock
  for (const [from, to] of minutesOn(opening, clock)) {
    if (to > from ? minute >= from && minute < to : minute >= from) return true
  }
  // Yesterday's overnight ranges spill into the small hours of today.
  for (const [from, to] of minutesOn(opening, clock.yesterday)) {
    if (to <= from && to !== 0 && minute < to) return true
  }
  return false
}

nameSchemas({ WeeklyHours: weeklyHoursSchema, OpenRange: openRangeSchema })
