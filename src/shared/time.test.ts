import { formatMoment, formatSessionTime, shanghaiDateTime, shanghaiInstant } from './time'

describe('the old town clock', () => {
  it('shows a session on Shanghai time in either language, whatever the phone’s zone', () => {
    const starts = '2026-11-26T11:30:00.000Z'
    const ends = '2026-11-26T13:00:00.000Z'
    expect(formatSessionTime(starts, ends, 'zh')).toBe('11月26日 周四 19:30–21:00')
    expect(formatSessionTime(starts, ends, 'en')).toBe('Thu 26 Nov 19:30–21:00')
  })

  it('counts a UTC evening as the next Shanghai day', () => {
    expect(formatMoment('2026-12-31T16:05:00.000Z', 'zh')).toBe('1月1日 00:05')
    expect(formatMoment('2026-12-31T16:05:00.000Z', 'en')).toBe('1 Jan 00:05')
    expect(shanghaiDateTime('2026-12-31T16:05:00.000Z')).toEqual({ date: '2027-01-01', time: '00:05' })
  })

  it('turns what staff type back into the same instant', () => {
    const instant = shanghaiInstant('2026-11-26', '19:30')
    expect(instant).toBe('2026-11-26T11:30:00.000Z')
    expect(shanghaiDateTime(instant)).toEqual({ date: '2026-11-26', time: '19:30' })
  })
})
