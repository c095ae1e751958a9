import { resolve } from 'node:path'
import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { migrateToLatest, openDatabase } from './db/index.js'
import { seedDemo } from './demo/load.js'
import { startNoticeWorker } from './features/notifications/worker.js'
import { periodicJobs } from './periodic-jobs.js'
import { wechatClientFor } from './shared/wechat.js'

/** Inside the 10 s `docker stop` waits after SIGTERM before it kills the container (Kubernetes waits 30 s). */
const SHUTDOWN_DEADLINE_MS = 9000

async function main() {
  const config = loadConfig()
  const database = openDatabase(config.DATABASE_URL, {
    poolSize: config.DB_POOL_SIZE,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
  })
  await migrateToLatest(database.db)
  if (config.SEED_DEMO) await seedDemo(database.db)

  const staticDir = config.STATIC_DIR ?? resolve(__dirname, '../../dist/h5')
  const wechat = wechatClientFor(config)
  const app = await buildApp({ config, database, staticDir, wechat })
  const stopNotices = startNoticeWorker(database.db, config, wechat, app.log, periodicJobs(config))
  // Requests under way finish and the notice round records what it sent; new requests are turned away meanwhile.
  const shutdown = async () => {
    const overdue = setTimeout(() => {
      app.log.error(`shutdown took over ${SHUTDOWN_DEADLINE_MS} ms; exiting with requests still open`)
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS)
    await Promise.all([stopNotices(), app.close()])
    await database.close()
    clearTimeout(overdue)
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown())
  process.once('SIGTERM', () => void shutdown())

  const address = await app.listen({ port: config.PORT, host: config.HOST })
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost')
  app.log.info(
    `古城红驿 Old Town Hub on ${database.kind}: open ${shown}/ (API ${shown}/api, contract ${shown}/api/openapi.json)`,
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
