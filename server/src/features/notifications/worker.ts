import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.js'
import { isDatabaseUnavailable } from '../../db/faults.js'
import type { Db } from '../../db/index.js'
import { createDispatcher } from './dispatcher.js'
import { logSender, wechatSender } from './senders.js'
import type { PeriodicJob } from '../../shared/periodic-jobs.js'
import type { WechatClient } from '../../shared/wechat.js'

/**
 * The background loop of one instance: run the features' periodic jobs (reminders, stale claims, purges: whatever
 * was registered, see `PeriodicJob`), then deliver what is due. Returns a stop function that
 * resolves once the round under way has recorded what it sent, so a notice sent during shutdown is not sent again.
 */
export function startNoticeWorker(
  db: Db,
  config: Config,
  wechat: WechatClient | null,
  log: FastifyBaseLogger,
  jobs: readonly PeriodicJob[],
): () => Promise<void> {
  if (config.NOTICE_INTERVAL_MS === 0) return async () => {}
  const sender = wechat ? wechatSender(config.WX_TEMPLATE_IDS, wechat, db) : logSender(log)
  const dispatcher = createDispatcher(db, () => new Date(), sender, log, { requireConsent: wechat !== null })
  let round: Promise<void> | null = null
  // While the database is away every round fails the same way: say so once, and once when rounds work again.
  let waitingForDatabase = false
  const runRound = async () => {
    try {
      for (const job of jobs) await job.run(db, new Date())
      await dispatcher.runOnce()
      if (waitingForDatabase) log.info('database back: notices and stale claims go on')
      waitingForDatabase = false
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error)
      if (!unavailable) log.error({ err: error }, 'notice worker round failed')
      else if (!waitingForDatabase)
        log.warn({ err: error }, 'database unavailable: notices and stale claims wait for it')
      waitingForDatabase = unavailable
    } finally {
      round = null
    }
  }
  const timer = setInterval(() => {
    round ??= runRound()
  }, config.NOTICE_INTERVAL_MS)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await round
  }
}
