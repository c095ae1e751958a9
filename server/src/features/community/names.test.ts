import type { Kysely } from 'kysely'
import { createTestDatabase, DB_KINDS, migrateWith } from '../../../../tests/support/databases'
import { migrateToLatest, openDatabase } from '../../db/index'
import { migrations } from '../../db/migrations/index'
import type { CommunitiesTable } from '../../db/schema'
import { findCommunities } from './queries'

describe.each(DB_KINDS)('communities from before they had English names, on %s', (kind) => {
  it('each shows its Chinese name in English until it has one; the demo ones get theirs from migration 0016', async () => {
    const testDatabase = await createTestDatabase(kind)
    const database = openDatabase(testDatabase.url)
    try {
      await migrateWith(database.db, migrations, '0009_inbox')
      const old = database.db as unknown as Kysely<{ communities: Omit<CommunitiesTable, 'name_en'> }>
      const community = { lat: null, lng: null, sort_order: 0 }
      await old
        .insertInto('communities')
        .values([
          { id: 'cm_paifang', name: '牌坊街社区', is_demo: 1, ...community },
          { id: 'cm_laojie', name: '老街社区', is_demo: 0, ...community },
        ])
        .execute()

      await migrateToLatest(database.db)
      const names = async () =>
        (await findCommunities(database.db, null))
          .map(({ id, nameEn }) => ({ id, nameEn }))
          .sort((a, b) => a.id.localeCompare(b.id))
      expect(await names()).toEqual([
        { id: 'cm_laojie', nameEn: '老街社区' },
        { id: 'cm_paifang', nameEn: 'Paifang Street Community' },
      ])
    } finally {
      await database.close()
      testDatabase.remove()
    }
  })
})
