import { createTestDatabase, DB_KINDS, migrateAllBut } from '../../../../tests/support/databases'
import { migrateToLatest, openDatabase } from '../../db/index'
import { photoForViewer } from './queries'
import { PHOTO_RULES } from '../../photo-rules'

describe.each(DB_KINDS)('photos shown before their uses were a table, on %s', (kind) => {
  it('are found on the places and wishes that showed them, and each is seen by whom it was before', async () => {
    const testDatabase = await createTestDatabase(kind)
    const database = openDatabase(testDatabase.url)
    const db = database.db
    try {
      await migrateAllBut(db, '0012_photo_uses')
      const at = '2026-11-01T00:00:00.000Z'
      const bytes = Buffer.from('jpeg')
      const upload = (id: string) => ({
        id,
        owner_id: null,
        mime: 'image/jpeg',
        size: 4,
        data: bytes,
        thumb: bytes,
        created_at: at,
      })
      await db
        .insertInto('uploads')
        .values(['up_front', 'up_room', 'up_lamp', 'up_proof', 'up_draft'].map(upload))
        .execute()
      await db
        .insertInto('communities')
        .values({ id: 'cm_old', name: '旧社区', name_en: null, lat: null, lng: null, sort_order: 0, is_demo: 0 })
        .execute()
      const place = {
        address: '牌坊街 1 号',
        lat: 23.66,
        lng: 116.64,
        community_id: 'cm_old',
        is_demo: 0 as const,
        created_at: at,
      }
      await db
        .insertInto('stations')
        .values({
          ...place,
          id: 'st_old',
          name: '旧驿站',
          name_en: 'Old Station',
          kind: 'service_station',
          phone: null,
          hours_json: '{"weekly":[[],[],[],[],[],[],[]]}',
          photos_json: '["/api/uploads/up_front","https://example.com/a.jpg","/api/uploads/up_gone"]',
          pledges_json: '[]',
          updated_at: at,
        })
        .execute()
      await db
        .insertInto('guesthouses')
        .values({ ...place, id: 'gh_old', name: '旧客栈', rooms_note: null, photos_json: '["/api/uploads/up_room"]' })
        .execute()
      const wish = {
        resident_id: null,
        category: 'repair',
        description: '楼道灯坏了',
        community_id: 'cm_old',
        contact_phone: null,
        urgent: 0 as const,
        preferred_time: null,
        review_reason: null,
        claimed_by: null,
        claimed_at: null,
        fulfil_note: null,
        fulfilled_at: null,
        confirmed_at: null,
        thanks: null,
        dispute_reason: null,
        hours_served: null,
        created_at: at,
        updated_at: at,
      }
      await db
        .insertInto('wishes')
        .values([
          {
            ...wish,
            id: 'wi_wall',
            title: '修灯',
            status: 'published',
            photos_json: '["up_lamp"]',
            fulfil_photo_id: null,
          },
          {
            ...wish,
            id: 'wi_gone',
            title: '已撤回',
            status: 'withdrawn',
            photos_json: '["up_proof"]',
            fulfil_photo_id: 'up_proof',
          },
        ])
        .execute()

      await migrateToLatest(db)

      const uses = await db.selectFrom('photo_uses').selectAll().orderBy('upload_id').orderBy('owner_kind').execute()
      expect(uses).toEqual([
        { upload_id: 'up_front', owner_kind: 'station', owner_id: 'st_old' },
        { upload_id: 'up_lamp', owner_kind: 'wish', owner_id: 'wi_wall' },
        { upload_id: 'up_proof', owner_kind: 'wish', owner_id: 'wi_gone' },
        { upload_id: 'up_proof', owner_kind: 'wish_fulfilment', owner_id: 'wi_gone' },
        { upload_id: 'up_room', owner_kind: 'guesthouse', owner_id: 'gh_old' },
      ])
      const cacheFor = async (id: string) =>
        (await photoForViewer(db, PHOTO_RULES, id, 'photo', null).catch(() => null))?.cacheControl ?? 'not found'
      expect(await cacheFor('up_front')).toBe('public, max-age=31536000, immutable')
      expect(await cacheFor('up_room')).toBe('public, max-age=31536000, immutable')
      expect(await cacheFor('up_lamp')).toBe('public, no-cache')
      expect(await cacheFor('up_proof')).toBe('not found')
      expect(await cacheFor('up_draft')).toBe('private, no-cache')
    } finally {
      await database.close()
      testDatabase.remove()
    }
  })
})
