import type { Stats } from '@contract'
import type { MessageKey } from '../../shared/i18n'

type Headline = { key: string; label: MessageKey; meaning: MessageKey; value(stats: Stats): number }

/** The figures the old town reports about its service, each with what it counts. */
export const HEADLINES: Headline[] = [
  { key: 'stations', label: 'figures.stations', meaning: 'figures.stations.meaning', value: (s) => s.stations },
  {
    key: 'guesthouses',
    label: 'figures.guesthouses',
    meaning: 'figures.guesthouses.meaning',
    value: (s) => s.guesthouses,
  },
  {
    key: 'lectures',
    label: 'figures.lecturesHeld',
    meaning: 'figures.lecturesHeld.meaning',
    value: (s) => s.lecturesHeld,
  },
  {
    key: 'attendances',
    label: 'figures.attendances',
    meaning: 'figures.attendances.meaning',
    value: (s) => s.lectureAttendances,
  },
  { key: 'claimed', label: 'figures.claimed', meaning: 'figures.claimed.meaning', value: (s) => s.wishes.claimed },
  { key: 'solved', label: 'figures.solved', meaning: 'figures.solved.meaning', value: (s) => s.wishes.fulfilled },
  {
    key: 'urgent',
    label: 'figures.urgentSolved',
    meaning: 'figures.urgentSolved.meaning',
    value: (s) => s.wishes.urgentSolved,
  },
  { key: 'members', label: 'figures.members', meaning: 'figures.members.meaning', value: (s) => s.members.verified },
]

/** The three Home shows on its 古城成效 strip. */
export const HOME_HEADLINES = HEADLINES.filter((h) => ['lectures', 'solved', 'members'].includes(h.key))
