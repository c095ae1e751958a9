import { MONTHS_EN, SHANGHAI_OFFSET_MS, shanghaiDateTime as readableMoment } from '@values/shanghai-clock'
import type { Language } from './i18n'

const WEEKDAYS: Record<Language, string[]> = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
}
const pad = (n: number) => String(n).padStart(2, '0')

/** The old town's wall clock (China Standard Time), whatever the phone's time zone. */
function shanghai(iso: string) {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)
  return {
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    date: d.toISOString().slice(0, 10),
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  }
}

/** An instant as the date ("2026-11-26") and time ("19:30") on the old town's clock, as staff type them. */
export function shanghaiDateTime(iso: string): { date: string; time: string } {
  const { date, time } = shanghai(iso)
  return { date, time }
}

/** A date and time on the old town's clock as an instant. */
export const shanghaiInstant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()

/** "11月26日 周四 19:30–21:00" / "Thu 26 Nov 19:30–21:00" */
export function formatSessionTime(startsAt: string, endsAt: string, language: Language): string {
  const s = shanghai(startsAt)
  const e = shanghai(endsAt)
  const weekday = WEEKDAYS[language][s.weekday]
  return language === 'zh'
    ? `${s.month + 1}月${s.day}日 ${weekday} ${s.time}–${e.time}`
    : `${weekday} ${s.day} ${MONTHS_EN[s.month]} ${s.time}–${e.time}`
}

/** "11月25日 10:05" / "25 Nov 10:05": when something happened, on the old town's clock. */
export const formatMoment = (iso: string, language: Language): string => readableMoment(iso)[language]
