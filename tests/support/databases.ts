import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, type Migration } from 'kysely'
import pg from 'pg'
import { assertMigrated, type Db, type DbKind } from '../../server/src/db/index.js'
import { migrations } from '../../server/src/db/migrations/index.js'

/** Which databases the API suites run on: both, unless TEST_DB_KINDS narrows it for a quick local run. */
export const DB_KINDS: DbKind[] = (process.env.TEST_DB_KINDS ?? 'sqlite,postgres').split(',') as DbKind[]

export interface TestDatabase {
  url: string
  /** Removes what the database left on disk (PostgreSQL's go with the cluster at the end of the run). */
  remove(): void
}

/** A fresh, empty database of that kind: a temp SQLite file, or a new database in the suite's PostgreSQL cluster. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'oth-sqlite-'))
    return { url: `sqlite:${join(dir, 'test.db')}`, remove: () => rmSync(dir, { recursive: true, force: true }) }
  }
  const adminUrl = process.env.OTH_TEST_PG_ADMIN_URL
  if (!adminUrl)
    throw new Error('OTH_TEST_PG_ADMIN_URL is not set: run the tests through jest (its globalSetup starts PostgreSQL)')
  const name = `t_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  return { url: adminUrl.replace(/\/postgres$/, `/${name}`), remove: () => {} }
}

/**
 * Runs `list` on `db` as an older release would have, all of it or up to `last`, and throws if one fails (an older
 * schema half-built would make the suite test something no database ever had).
 */
export async function migrateWith(db: Db, list: Record<string, Migration>, last?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => list } })
  assertMigrated(await (last === undefined ? migrator.migrateToLatest() : migrator.migrateTo(last)))
}

/**
 * Migrates `db` as a database from before `skipped` landed: every other migration runs, that one does not. The suite
 * then writes rows as the old schema had them and runs the rest, to see what the migration does to them.
 */
export async function migrateAllBut(db: Db, skipped: string): Promise<void> {
  const { [skipped]: found, ...earlier } = migrations
  if (!found) throw new Error(`No migration is named ${skipped}`)
  await migrateWith(db, earlier)
}
