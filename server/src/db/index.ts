import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely'
import pg from 'pg'
import type { Database } from './schema.js'
import { migrations } from './migrations/index.js'
import { renameRecordedMigrations } from './migrations/renumbered.js'

export type Db = Kysely<Database>
export type DbKind = 'sqlite' | 'postgres'

export interface DbHandle {
  db: Db
  kind: DbKind
  close(): Promise<void>
}

export interface DatabaseOptions {
  poolSize?: number
  /** How long a query may wait for a PostgreSQL connection (a free one in the pool, or a new one) before it fails. */
  connectTimeoutMs?: number
}

const connectionLost = (error: Error) => console.error(`PostgreSQL connection lost: ${error.message}`)

/** `sqlite:./relative.db`, `sqlite:/absolute.db`, `sqlite::memory:` or `postgres://user:pass@host:port/db`. */
export function openDatabase(url: string, options: DatabaseOptions = {}): DbHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // A database that does not answer (a failover, a dropped route) fails the query instead of holding it forever.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      keepAlive: true,
    })
    // A connection the server drops (restart, failover) must not take the process down. Every client reports it on
    // itself, whether idle or in use (then its query fails with the same error and the request answers 503); the pool
    // discards it and connects anew for the next query. The pool repeats an idle client's error on itself, and an
    // 'error' event nobody listens to would end the process.
    pool.on('connect', (client) => client.on('error', connectionLost))
    pool.on('error', () => {})
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length)
    const path = file === ':memory:' ? file : resolve(file)
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    const sqlite = new SQLite(path)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    const db = new Kysely<Database>({ dialect: new SqliteDialectKeepingErrors(sqlite) })
    return { db, kind: 'sqlite', close: () => db.destroy() }
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`)
}

/**
 * SQLite rolls a transaction back by itself on some errors (a write the disk refuses, SQLITE_IOERR or SQLITE_FULL);
 * Kysely's ROLLBACK after that would fail ("no transaction is active") and replace the error that says what happened.
 */
class SqliteDriverKeepingErrors extends SqliteDriver {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite })
  }

  override async rollbackTransaction(connection: DatabaseConnection) {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection)
  }
}

class SqliteDialectKeepingErrors extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite })
  }

  override createDriver() {
    return new SqliteDriverKeepingErrors(this.sqlite)
  }
}

const inCodeMigrations: MigrationProvider = { getMigrations: async () => migrations }

export async function migrateToLatest(db: Db): Promise<void> {
  await renameRecordedMigrations(db)
  // Numbers were reserved ahead (0008 landed after 0009_inbox, then named 0010): a database that ran those first
  // still runs 0008.
  const migrator = new Migrator({ db, provider: inCodeMigrations, allowUnorderedMigrations: true })
  assertMigrated(await migrator.migrateToLatest())
}

/** Kysely's migrator answers a failed migration with an error in its result instead of throwing: this throws it. */
export function assertMigrated({ error, results }: MigrationResultSet): void {
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`)
  }
}
