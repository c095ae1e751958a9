import { expiredNoticesPurge } from './features/inbox/commands.js'
import { sessionReminders } from './features/lectures/reminders.js'
import { staleClaimsRelease } from './features/wishes/lifecycle.js'
import type { PeriodicJob } from './shared/periodic-jobs.js'

/** Every feature's periodic work, in the order a round of the background loop runs it (reminders before delivery). */
export const PERIODIC_JOBS: readonly PeriodicJob[] = [sessionReminders, staleClaimsRelease, expiredNoticesPurge]
