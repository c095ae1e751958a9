import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Database } from '../../server/src/db/schema.js'
import { buildApp } from '../../server/src/app.js'
import type { AuthResponse, DevLoginBody, Role } from '../../server/src/features/auth/schemas.js'
import { loadConfig } from '../../server/src/config.js'
import { migrateToLatest, openDatabase, type DbHandle, type DbKind } from '../../server/src/db/index.js'
import { seedDemo } from '../../server/src/demo/load.js'
import { checkRepliesAgainstContract } from './conformance.js'
import { createTestDatabase } from './databases.js'
import { UNLIMITED_RATES } from './server-process.js'

export interface TestApi {
  app: FastifyInstance
  database: DbHandle
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string
  /** Signs in through POST /api/auth/dev, as a person would after WeChat login; throws if refused. */
  signIn(openid: string, role?: Role, extra?: Omit<DevLoginBody, 'openid' | 'role'>): Promise<AuthResponse>
  /**
   * Signs in a cast one after another, each `[name, role, communityId?]` as openid `${prefix}${name}` with `name` as
   * nickname; their tokens by name.
   */
  signInEach(prefix: string, cast: [name: string, role: Role, communityId?: string][]): Promise<Record<string, string>>
  /** One request as the holder of `token`, or anonymously without one. */
  call(
    method: NonNullable<InjectOptions['method']>,
    url: string,
    token?: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>
  /** A photo's bytes to POST /api/uploads as the holder of `token`, sent as `type`. */
  upload(token: string | undefined, bytes: Buffer, type?: string): Promise<LightMyRequestResponse>
  /** How many rows `table` holds now, e.g. what a refused write must leave unchanged. */
  countRows(table: keyof Database): Promise<number>
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
  const signIn: TestApi['signIn'] = async (openid, role, extra = {}) => {
    const reply = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid, role, ...extra } })
    if (reply.statusCode !== 200) throw new Error(`dev sign-in of ${openid} refused: ${reply.body}`)
    return reply.json<AuthResponse>()
  }
  return {
    app,
    database,
    url: `http://127.0.0.1:${port}`,
    signIn,
    async signInEach(prefix, cast) {
      const tokens: Record<string, string> = {}
      for (const [name, role, communityId] of cast) {
        tokens[name] = (await signIn(`${prefix}${name}`, role, { nickname: name, communityId })).token
      }
      return tokens
    },
    call(method, url, token, payload) {
      return app.inject({ method, url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} })
    },
    upload(token, bytes, type = 'image/jpeg') {
      return app.inject({
        method: 'POST',
        url: '/api/uploads',
        payload: bytes,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': type },
      })
    },
    async countRows(table) {
      const { n } = await database.db
        .selectFrom(table)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      return Number(n)
    },
    async close() {
      await app.close()
      await database.close()
      testDatabase.remove()
    },
  }
}
