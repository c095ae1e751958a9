import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { sql, type Migration } from 'kysely'
import { createTestDatabase, DB_KINDS, migrateWith } from '../../../tests/support/databases'
import { migrateToLatest, openDatabase, type Db } from './index'
import { migrations } from './migrations/index'
import { RENUMBERED } from './migrations/renumbered'

const names = Object.keys(migrations)
const recorded = async (db: Db) =>
  (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map((r) => r.name)

/** The list as a database from before the renumbering knew it: the same migrations under their former names. */
function underFormerNames(until?: string): Record<string, Migration> {
  const former = new Map(RENUMBERED.map(([old, current]) => [current, old]))
  const kept = until ? names.slice(0, names.indexOf(until) + 1) : names
  return Object.fromEntries(kept.map((name) => [former.get(name) ?? name, migrations[name]!]))
}

describe('the migrations', () => {
  it('are the files in the folder, listed in name order and numbered from 0001 without a gap', () => {
    const files = readdirSync(join(__dirname, 'migrations'))
      .filter((file) => /^\d{4}_.*\.ts$/.test(file) && !file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
    expect(names).toEqual([...files].sort())
    expect(names.map((name) => Number(name.slice(0, 4)))).toEqual(names.map((_, index) => index + 1))
  })

  it('rename only to names in the list, and never to one another’s former name', () => {
    for (const [former, current] of RENUMBERED) {
      expect(names).toContain(current)
      expect(names).not.toContain(former)
    }
  })
})

describe.each(DB_KINDS)('a database migrated before the renumbering, on %s', (kind) => {
  const withDatabase = async (check: (db: Db) => Promise<void>) => {
    const testDatabase = await createTestDatabase(kind)
    const database = openDatabase(testDatabase.url)
    try {
      await check(database.db)
    } finally {
      await database.close()
      testDatabase.remove()
    }
  }

  it('starts as before: nothing runs twice, what it holds stays, the old names are recorded under the new ones', () =>
    withDatabase(async (db) => {
      await migrateWith(db, underFormerNames())
      expect(await recorded(db)).toEqual(expect.arrayContaining(RENUMBERED.map(([former]) => former)))
      await db
        .insertInto('users')
        .values({
          id: 'u_1',
          openid: 'o_1',
          nickname: '陈',
          role: 'resident',
          created_at: '2026-11-01T00:00:00.000Z',
          updated_at: '2026-11-01T00:00:00.000Z',
        })
        .execute()
      await db
        .insertInto('inbox_notices')
        .values({
          id: 'n_1',
          user_id: 'u_1',
          kind: 'booking_confirmed',
          dedupe_key: 'k_1',
          payload_json: '{}',
          created_at: '2026-11-01T00:00:00.000Z',
          read_at: null,
        })
        .execute()

      // Re-running 0009_inbox would fail on its existing table; 0010 on its existing column.
      await migrateToLatest(db)
      await migrateToLatest(db)
      expect(await recorded(db)).toEqual(names)
      expect(await db.selectFrom('inbox_notices').select('id').execute()).toEqual([{ id: 'n_1' }])
    }))

  it('that had run the inbox under its old name but not yet the English names runs only those, once', () =>
    withDatabase(async (db) => {
      await migrateWith(db, underFormerNames('0009_inbox'))
      expect(await recorded(db)).toContain('0010_inbox')

      await migrateToLatest(db)
      expect(await recorded(db)).toEqual(names)
      await db
        .insertInto('communities')
        .values({ id: 'cm_1', name: '牌坊街社区', name_en: 'Paifang', lat: null, lng: null, sort_order: 0, is_demo: 0 })
        .execute()
    }))

  it('a new database runs every migration once and records each under its name', () =>
    withDatabase(async (db) => {
      await migrateToLatest(db)
      expect(await recorded(db)).toEqual(names)
    }))
})
