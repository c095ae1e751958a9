import { resolve } from 'node:path'
import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { migrateToLatest, openDatabase } from './db/index.js'
import { seedDemo } from './db/seed-demo.js'
import { startNoticeWorker } from './features/notifications/worker.js'
import { wechatClientFor } from './shared/wechat.js'

async function main() {
  const config = loadConfig()
  const database = openDatabase(config.DATABASE_URL, { poolSize: config.DB_POOL_SIZE })
  await migrateToLatest(database.db)
  if (config.SEED_DEMO) await seedDemo(database.db)

  const staticDir = config.STATIC_DIR ?? resolve(__dirname, '../../dist/h5')
  const wechat = wechatClientFor(config)
  const app = await buildApp({ config, database, staticDir, wechat })
  const stopNotices = startNoticeWorker(database.db, config, wechat, app.log)
  const shutdown = async () => {
    stopNotices()
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  const address = await app.listen({ port: config.PORT, host: config.HOST })
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost')
  app.log.info(`古城红驿 Old Town Hub on ${database.kind}: open ${shown}/ (API ${shown}/api, contract ${shown}/api/openapi.json)`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
