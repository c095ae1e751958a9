import type { Kysely } from 'kysely'
import { createTestDatabase, DB_KINDS, migrateAllBut, migrateWith } from '../../../tests/support/databases'
import { migrateToLatest, openDatabase } from '../db/index'
import { migrations } from '../db/migrations/index'
import { findCommunities } from '../features/community/queries'
import { findResponseTimes } from '../features/targets/queries'
import { seedDemo } from './load'

/** The tables as a release before community offices (0006) had them. */
interface EarlyTables {
  communities: { id: string; name: string; sort_order: number; is_demo: number }
  guesthouses: {
    id: string
    name: string
    address: string
    lat: number
    lng: number
    rooms_note: string | null
    photos_json: string
    is_demo: number
    created_at: string
  }
}

describe.each(DB_KINDS)('a demo database loaded by an older release, on %s', (kind) => {
  it('gets the demo offices, English names and places’ communities when it migrates; nothing else changes', async () => {
    const testDatabase = await createTestDatabase(kind)
    const database = openDatabase(testDatabase.url)
    try {
      await migrateWith(database.db, migrations, '0005_notice_consents')
      const early = database.db as unknown as Kysely<EarlyTables>
      await early
        .insertInto('communities')
        .values([
          { id: 'cm_jiadi', name: '甲第巷社区', sort_order: 0, is_demo: 1 },
          { id: 'cm_laojie', name: '老街社区', sort_order: 1, is_demo: 0 },
        ])
        .execute()
      const place = { address: '甲第巷', rooms_note: null, photos_json: '[]', created_at: '2026-11-20T00:00:00.000Z' }
      await early
        .insertInto('guesthouses')
        .values([
          { id: 'gh_demo', name: '演示客栈', lat: 23.665, lng: 116.647, is_demo: 1, ...place },
          { id: 'gh_own', name: '自家客栈', lat: 23.665, lng: 116.647, is_demo: 0, ...place },
        ])
        .execute()

      await migrateToLatest(database.db)
      const communities = await findCommunities(database.db, null)
      expect(communities.find((c) => c.id === 'cm_jiadi')).toMatchObject({ nameEn: 'Jiadi Lane Community' })
      expect(communities.find((c) => c.id === 'cm_laojie')).toMatchObject({ nameEn: '老街社区' })
      const offices = await database.db.selectFrom('communities').select(['id', 'lat', 'lng']).orderBy('id').execute()
      expect(offices.map((o) => ({ id: o.id, lat: o.lat === null ? null : Number(o.lat) }))).toEqual([
        { id: 'cm_jiadi', lat: 23.66495 },
        { id: 'cm_laojie', lat: null },
      ])
      const homes = async () =>
        database.db
          .selectFrom('guesthouses')
          .select(['id', 'community_id'])
          .where('id', 'in', ['gh_demo', 'gh_own'])
          .orderBy('id')
          .execute()
      const assigned = [
        { id: 'gh_demo', community_id: 'cm_jiadi' },
        { id: 'gh_own', community_id: null },
      ]
      expect(await homes()).toEqual(assigned)

      // Loading the demo again adds what is missing and changes none of this.
      await seedDemo(database.db)
      expect(await homes()).toEqual(assigned)
    } finally {
      await database.close()
      testDatabase.remove()
    }
  })

  it('gets its wishes’ response times when it migrates, so 响应时效 shows what a fresh demo shows', async () => {
    const testDatabase = await createTestDatabase(kind)
    const database = openDatabase(testDatabase.url)
    try {
      const db = database.db
      await migrateAllBut(db, '0019_demo_wish_times')
      await seedDemo(db)
      const targets = { reviewHours: 24, claimHours: 72 }
      const fresh = await findResponseTimes(db, targets)
      // As the demo loaded them before it had times, but one wish back on the wall since (released on the app).
      await db.updateTable('wishes').set({ reviewed_at: null, published_at: null, first_claimed_at: null }).execute()
      const backOnTheWall = { published_at: '2026-11-20T00:00:00.000Z' }
      await db.updateTable('wishes').set(backOnTheWall).where('id', '=', 'wi_demo_faucet').execute()
      expect((await findResponseTimes(db, targets)).reviewMedianHours).toBeNull()

      await migrateToLatest(db)
      expect(await findResponseTimes(db, targets)).toEqual(fresh)
      expect(fresh.reviewMedianHours).not.toBeNull()
      const faucet = db.selectFrom('wishes').select('published_at').where('id', '=', 'wi_demo_faucet')
      expect(await faucet.executeTakeFirst()).toEqual(backOnTheWall)
    } finally {
      await database.close()
      testDatabase.remove()
    }
  })
})
