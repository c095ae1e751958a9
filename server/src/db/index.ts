import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely'
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

/** `sqlite:./relative.db`, `sqlite:/absolute.db`, `sqlite::memory:` or `postgres://user:pass@host:port/db`. */
export function openDatabase(url: string, options: { poolSize?: number } = {}): DbHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 })
    // An idle connection dropped by the server (restart, failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`))
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
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
    return { db, kind: 'sqlite', close: () => db.destroy() }
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`)
}

const inCodeMigrations: MigrationProvider = { getMigrations: async () => migrations }

export async function migrateToLatest(db: Db): Promise<void> {
  await renameRecordedMigrations(db)
  // Numbers were reserved ahead (0008 landed after 0009_inbox, then named 0010): a database that ran those first
  // still runs 0008.
  const migrator = new Migrator({ db, provider: inCodeMigrations, allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`)
  }
}
