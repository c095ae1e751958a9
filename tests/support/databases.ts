import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { DbKind } from '../../server/src/db/index.js'

/** Which databases the API suites run on: both, unless TEST_DB_KINDS narrows it for a quick local run. */
export const DB_KINDS: DbKind[] = (process.env.TEST_DB_KINDS ?? 'sqlite,postgres').split(',') as DbKind[]

/** A fresh, empty database of that kind: a temp SQLite file, or a new database in the suite's PostgreSQL cluster. */
export async function createTestDatabaseUrl(kind: DbKind): Promise<string> {
  if (kind === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'oth-sqlite-')), 'test.db')}`
  const adminUrl = process.env.OTH_TEST_PG_ADMIN_URL
  if (!adminUrl) throw new Error('OTH_TEST_PG_ADMIN_URL is not set: run the tests through jest (its globalSetup starts PostgreSQL)')
  const name = `t_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`)
}
