import { resolve } from 'node:path'
import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { migrateToLatest, openDatabase } from './db/index.js'
import { seedDemo } from './db/seed-demo.js'

async function main() {
  const config = loadConfig()
  const database = openDatabase(config.DATABASE_URL)
  await migrateToLatest(database.db)
  if (config.SEED_DEMO) await seedDemo(database.db)

  const staticDir = config.STATIC_DIR ?? resolve(__dirname, '../../dist/h5')
  const app = await buildApp({ config, database, staticDir })
  const shutdown = async () => {
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  await app.listen({ port: config.PORT, host: config.HOST })
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
  app.log.info(`古城红驿 API ready on ${database.kind}: http://${shownHost}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.PORT}/`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
