import type { Db } from '../db/index.js'

/**
 * Work a feature needs done again and again (reminders, stale claims, purges): each instance's background loop runs
 * every registered job once a round, before it delivers the notices they may have queued. A feature declares its own
 * job beside the rule it applies; `server/src/periodic-jobs.ts` lists them for the loop, which knows none of them.
 * Each must be safe to run on several instances at once (conditional updates, dedupe keys).
 */
export interface PeriodicJob {
  name: string
  run(db: Db, now: Date): Promise<unknown>
}
