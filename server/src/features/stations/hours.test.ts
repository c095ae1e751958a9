import { isOpenAt, openingMinutes, rangesOn, shanghaiClock, type WeeklyHours } from './hours'

/** A moment on the Shanghai wall clock (UTC+8), e.g. `2026-11-25 20:30` (a Wednesday). */
const at = (local: string) => shanghaiClock(new Date(`${local.replace(' ', 'T')}:00+08:00`))
const week = (day: [string, string][]): WeeklyHours['weekly'] => Array.from({ length: 7 }, () => day)
const open = (hours: WeeklyHours, local: string) => isOpenAt(openingMinutes(hours), at(local))

describe('opening hours on the Shanghai clock', () => {
  const office: WeeklyHours = {
    weekly: week([
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ]),
  }

  it('is open inside a range and closed at its end, over lunch and before the start', () => {
    expect(open(office, '2026-11-25 08:30')).toBe(true)
    expect(open(office, '2026-11-25 11:59')).toBe(true)
    expect(open(office, '2026-11-25 12:00')).toBe(false)
    expect(open(office, '2026-11-25 13:00')).toBe(false)
    expect(open(office, '2026-11-25 08:29')).toBe(false)
  })

  it('reads the weekday in Shanghai, not UTC: 07:00 on Monday in Shanghai is still Sunday in UTC', () => {
    const weekdaysOnly: WeeklyHours = {
      weekly: [[], ...Array.from({ length: 5 }, () => [['06:00', '10:00']] as [string, string][]), []],
    }
    expect(open(weekdaysOnly, '2026-11-23 07:00')).toBe(true)
    expect(open(weekdaysOnly, '2026-11-22 07:00')).toBe(false)
    expect(at('2026-11-23 07:00')).toMatchObject({ weekday: 1, minute: 420 })
  })

  it('keeps an overnight range open past midnight, into the next day only as far as it reaches', () => {
    const nightMarket: WeeklyHours = { weekly: [[], [], [], [['18:00', '02:00']], [], [], []] }
    expect(open(nightMarket, '2026-11-25 23:30')).toBe(true)
    expect(open(nightMarket, '2026-11-26 01:59')).toBe(true)
    expect(open(nightMarket, '2026-11-26 02:00')).toBe(false)
    expect(open(nightMarket, '2026-11-26 18:30')).toBe(false)
  })

  it('treats a range closing at 24:00 as ending at midnight, and 00:00–24:00 as the whole day', () => {
    expect(open({ weekly: week([['20:00', '24:00']]) }, '2026-11-25 23:59')).toBe(true)
    expect(open({ weekly: week([['20:00', '24:00']]) }, '2026-11-26 00:30')).toBe(false)
    expect(open({ weekly: week([['00:00', '24:00']]) }, '2026-11-25 00:00')).toBe(true)
  })

  it('is closed all day on a closed date, and an overnight range from a closed day does not spill over', () => {
    const hours: WeeklyHours = { weekly: week([['18:00', '02:00']]), closedDates: ['2026-11-25'] }
    expect(open(hours, '2026-11-25 19:00')).toBe(false)
    expect(open(hours, '2026-11-26 01:00')).toBe(false)
    expect(open(hours, '2026-11-26 19:00')).toBe(true)
    expect(rangesOn(hours, at('2026-11-25 10:00'))).toEqual([])
    expect(rangesOn(hours, at('2026-11-26 10:00'))).toEqual([['18:00', '02:00']])
  })
})
