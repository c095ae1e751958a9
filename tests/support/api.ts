import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/src/app.js'
import { loadConfig } from '../../server/src/config.js'
import { migrateToLatest, openDatabase, type DbHandle, type DbKind } from '../../server/src/db/index.js'
import { seedDemo } from '../../server/src/db/seed-demo.js'
import { checkRepliesAgainstContract } from './conformance.js'
import { createTestDatabase } from './databases.js'
import { UNLIMITED_RATES } from './server-process.js'

export interface TestApi {
  app: FastifyInstance
  database: DbHandle
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string
  close(): Promise<void>
}

export interface TestApiOptions {
  kind?: DbKind
  seed?: boolean
  clock?: () => Date
  staticDir?: string
  env?: Record<string, string>
}

/**
 * A real API on a fresh database, listening on a free loopback port; dev login on. Every reply it sends is checked
 * against its OpenAPI document (tests/support/conformance.ts).
 */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const kind = options.kind ?? 'sqlite'
  const testDatabase = await createTestDatabase(kind)
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_DEV_LOGIN: '1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testDatabase.url,
    ...UNLIMITED_RATES,
    ...options.env,
  })
  const database = openDatabase(config.DATABASE_URL, { poolSize: 20 })
  await migrateToLatest(database.db)
  if (options.seed ?? true) await seedDemo(database.db, options.clock?.())
  const app = await buildApp({ config, database, clock: options.clock, staticDir: options.staticDir })
  checkRepliesAgainstContract(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    app,
    database,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close()
      await database.close()
      testDatabase.remove()
    },
  }
}
