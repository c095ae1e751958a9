import { expiredNoticesPurge } from './features/inbox/commands.js'
import { sessionReminders } from './features/sessions/reminders.js'
import { staleClaimsRelease } from './features/wishes/lifecycle.js'
import type { Config } from './config.js'
import { overdueWishAlerts } from './features/targets/commands.js'
import { targetsFrom } from './features/targets/routes.js'
import type { PeriodicJob } from './shared/periodic-jobs.js'

/** Every feature's periodic work, in the order a round of the background loop runs it (reminders before delivery). */
export const periodicJobs = (config: Config): readonly PeriodicJob[] => [
  sessionReminders,
  staleClaimsRelease,
  overdueWishAlerts(targetsFrom(config)),
  expiredNoticesPurge,
]
