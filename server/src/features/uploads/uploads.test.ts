import type { Kysely } from 'kysely'
import sharp from 'sharp'
import { createTestDatabase, DB_KINDS, migrateAllBut } from '../../../../tests/support/databases'
import {
  HTML_IN_JPEG,
  hasExifGps,
  jpegSegments,
  ONE_PIXEL_PNG,
  phoneJpeg,
  pngClaiming,
} from '../../../../tests/support/images'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { migrateToLatest, openDatabase } from '../../db/index'
import type { Database, UploadsTable } from '../../db/schema'

const APP1 = 0xe1
const APP2 = 0xe2
const APP13 = 0xed
const COMMENT = 0xfe
const wishBody = {
  category: 'repair',
  title: '楼道灯坏了',
  description: '三楼楼道灯不亮，老人晚上上下楼不方便。',
  communityId: 'cm_jiadi',
}

describe.each(DB_KINDS)('photos on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>

  const upload = (as: string, bytes: Buffer, type?: string) => api.upload(tokens[as], bytes, type)

  const expectHiddenFromAllButItsResidentAndStaff = async (photo: { url: string; thumbUrl: string }) => {
    for (const path of [photo.url, photo.thumbUrl]) {
      for (const viewer of [undefined, 'neighbour', 'staffThere']) {
        const hidden = await api.call('GET', path, viewer && tokens[viewer])
        expect(hidden.statusCode).toBe(404)
        expect(hidden.json().error.code).toBe('NOT_FOUND')
      }
      for (const viewer of ['resident', 'staffHere']) {
        const seen = await api.call('GET', path, tokens[viewer])
        expect(seen.statusCode).toBe(200)
        expect(seen.headers['cache-control']).toBe('private, no-store')
      }
    }
  }

  beforeAll(async () => {
    api = await startTestApi({ kind })
    tokens = await api.signInEach('p-', [
      ['resident', 'resident'],
      ['neighbour', 'resident'],
      ['burst', 'resident'],
      ['staffHere', 'staff', 'cm_jiadi'],
      ['staffThere', 'staff', 'cm_xihu'],
    ])
  })
  afterAll(() => api.close())

  it('keeps a phone photo re-encoded: upright, at most 1600 px, no EXIF, GPS, XMP, ICC or comment; a thumbnail too', async () => {
    // 2400×1200 stored sideways (orientation 6: turn 90° clockwise to view), with GPS and a P3 profile.
    const original = await phoneJpeg(2400, 1200, 6)
    expect(hasExifGps(original)).toBe(true)
    expect(jpegSegments(original).map((s) => s.marker)).toEqual(expect.arrayContaining([APP1, APP2]))

    const stored = await upload('resident', original)
    expect(stored.statusCode).toBe(201)
    const { url, thumbUrl, size } = stored.json().upload
    expect(thumbUrl).toBe(`${url}/thumb`)

    const served = await api.call('GET', url)
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/jpeg')
    const bytes = served.rawPayload
    expect(bytes.length).toBe(size)
    expect(hasExifGps(bytes)).toBe(false)
    const markers = jpegSegments(bytes).map((s) => s.marker)
    for (const metadata of [APP1, APP2, APP13, COMMENT]) expect(markers).not.toContain(metadata)
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false)
    expect(bytes.includes(Buffer.from('OldTownCam'))).toBe(false)
    const meta = await sharp(bytes).metadata()
    expect({ width: meta.width, height: meta.height, orientation: meta.orientation }).toEqual({
      width: 800,
      height: 1600,
      orientation: undefined,
    })

    const thumb = await api.call('GET', thumbUrl)
    expect(thumb.statusCode).toBe(200)
    const thumbMeta = await sharp(thumb.rawPayload).metadata()
    expect({ width: thumbMeta.width, height: thumbMeta.height }).toEqual({ width: 200, height: 400 })
    expect(jpegSegments(thumb.rawPayload).map((s) => s.marker)).not.toContain(APP1)
  })

  it('serves photos inline, never sniffed as anything else', async () => {
    const { url, thumbUrl } = (await upload('resident', ONE_PIXEL_PNG, 'image/png')).json().upload
    for (const path of [url, thumbUrl]) {
      const served = await api.call('GET', path)
      expect(served.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'x-content-type-options': 'nosniff',
        'content-disposition': 'inline',
      })
    }
  })

  it('refuses a file that does not decode as a photo with 415, storing nothing', async () => {
    const before = await api.database.db.selectFrom('uploads').select('id').execute()
    for (const [bytes, type] of [
      [HTML_IN_JPEG, 'image/jpeg'],
      [Buffer.concat([ONE_PIXEL_PNG.subarray(0, 40), Buffer.alloc(64)]), 'image/png'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'application/octet-stream'],
    ] as const) {
      const refused = await upload('resident', bytes, type)
      expect(refused.statusCode).toBe(415)
      expect(refused.json().error).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('JPG'),
      })
    }
    expect(await api.database.db.selectFrom('uploads').select('id').execute()).toHaveLength(before.length)
  })

  it('refuses a photo of more than 50 megapixels before decoding it (413)', async () => {
    const bomb = await upload('resident', pngClaiming(10_000, 6_000), 'image/png')
    expect(bomb.statusCode).toBe(413)
    expect(bomb.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      messageEn: expect.stringContaining('too many pixels'),
    })
    expect((await upload('resident', pngClaiming(100, 100), 'image/png')).statusCode).toBe(415) // a header, no pixels
  })

  it('takes a file of QUOTA_UPLOAD_MAX_MB (2 MB by default) on to decoding, one byte more is 413', async () => {
    const limit = 2 * 1024 * 1024
    expect((await upload('resident', Buffer.alloc(limit, 1), 'application/octet-stream')).statusCode).toBe(415)
    const tooBig = await upload('resident', Buffer.alloc(limit + 1, 1), 'application/octet-stream')
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE')

    const smaller = await startTestApi({ kind, env: { QUOTA_UPLOAD_MAX_MB: '1' } })
    try {
      const { token } = await smaller.signIn('p-small', 'resident', { nickname: 'small' })
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }
      const payload = Buffer.alloc(limit / 2 + 1, 1) // one byte over 1 MB
      const refused = await smaller.app.inject({ method: 'POST', url: '/api/uploads', payload, headers })
      expect(refused.statusCode).toBe(413)
    } finally {
      await smaller.close()
    }
  })

  it('a withdrawn wish’s photo is 404 to the public, never cached immutable; its owner and community staff still see it', async () => {
    const photo = (await upload('resident', await phoneJpeg(64, 48))).json().upload
    const wish = (await api.call('POST', '/api/wishes', tokens.resident, { ...wishBody, photoIds: [photo.id] })).json()
      .wish
    // Waiting for review, it is not on the wall yet: the uploader sees it, the public does not.
    expect((await api.call('GET', photo.url, tokens.resident)).statusCode).toBe(200)
    expect((await api.call('GET', photo.url)).statusCode).toBe(404)
    await api.call('POST', `/api/wishes/${wish.id}/review`, tokens.staffHere, { decision: 'approve' })
    const onTheWall = await api.call('GET', photo.url)
    expect(onTheWall.statusCode).toBe(200)
    expect(onTheWall.headers['cache-control']).not.toContain('immutable')

    expect((await api.call('POST', `/api/wishes/${wish.id}/withdraw`, tokens.resident, {})).statusCode).toBe(200)
    await expectHiddenFromAllButItsResidentAndStaff(photo)
  })

  it('a rejected wish’s photo is 404 to the public; its owner and the community staff still see it', async () => {
    const photo = (await upload('resident', await phoneJpeg(64, 48))).json().upload
    const wish = (await api.call('POST', '/api/wishes', tokens.resident, { ...wishBody, photoIds: [photo.id] })).json()
      .wish
    const rejection = { decision: 'reject', reason: '请补充楼栋号' }
    const rejected = await api.call('POST', `/api/wishes/${wish.id}/review`, tokens.staffHere, rejection)
    expect(rejected.json().wish.status).toBe('rejected')
    await expectHiddenFromAllButItsResidentAndStaff(photo)
  })

  it('a station’s photo is public and may be cached for good', async () => {
    const photo = (await upload('staffHere', ONE_PIXEL_PNG, 'image/png')).json().upload
    const station = await api.database.db
      .selectFrom('stations')
      .select('id')
      .where('community_id', '=', 'cm_jiadi')
      .executeTakeFirstOrThrow()
    expect(
      (
        await api.app.inject({
          method: 'PATCH',
          url: `/api/stations/${station.id}`,
          payload: { photos: [photo.url] },
          headers: { authorization: `Bearer ${tokens.staffHere}` },
        })
      ).statusCode,
    ).toBe(200)
    expect((await api.call('GET', photo.url)).headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('60 parallel uploads from one person store exactly the 30 a day, the rest 429 with Retry-After, no 5xx', async () => {
    const photo = await phoneJpeg(32, 32)
    const answers = await Promise.all(Array.from({ length: 60 }, () => upload('burst', photo)))
    const statuses = answers.map((a) => a.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(30)
    expect(statuses.filter((s) => s === 429)).toHaveLength(30)
    for (const refused of answers.filter((a) => a.statusCode === 429)) {
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
      expect(refused.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringContaining('30'),
        messageEn: expect.stringContaining('30'),
      })
    }
    const burst = await api.database.db
      .selectFrom('users')
      .select('id')
      .where('nickname', '=', 'burst')
      .executeTakeFirstOrThrow()
    expect(
      await api.database.db.selectFrom('uploads').select('id').where('owner_id', '=', burst.id).execute(),
    ).toHaveLength(30)
  })
})

describe.each(DB_KINDS)('photos stored before uploads were re-encoded, on %s', (kind) => {
  it('are cleaned at start: written anew without GPS and with a thumbnail; a file that is no photo goes, and off its wish', async () => {
    const testDatabase = await createTestDatabase(kind)
    const database = openDatabase(testDatabase.url)
    try {
      // A database from before 0008 (which landed after 0010 had run): everything else migrated.
      await migrateAllBut(database.db, '0008_clean_photos')
      const old = database.db as unknown as Kysely<Omit<Database, 'uploads'> & { uploads: Omit<UploadsTable, 'thumb'> }>
      const at = '2026-11-01T00:00:00.000Z'
      const stored = (id: string, data: Buffer) => ({
        id,
        owner_id: null,
        mime: 'image/jpeg',
        size: data.length,
        data,
        created_at: at,
      })
      await old
        .insertInto('uploads')
        .values([stored('up_gps', await phoneJpeg(2000, 1000)), stored('up_page', HTML_IN_JPEG)])
        .execute()
      await old
        .insertInto('communities')
        .values({
          id: 'cm_old',
          name: '旧社区',
          name_en: 'Old Community',
          lat: null,
          lng: null,
          sort_order: 0,
          is_demo: 0,
        })
        .execute()
      await old
        .insertInto('wishes')
        .values({
          id: 'wi_old',
          resident_id: null,
          category: 'repair',
          title: '修灯',
          description: '楼道灯坏了',
          community_id: 'cm_old',
          contact_phone: null,
          urgent: 0,
          preferred_time: null,
          photos_json: '["up_gps","up_page"]',
          status: 'published',
          review_reason: null,
          claimed_by: null,
          claimed_at: null,
          fulfil_note: null,
          fulfil_photo_id: 'up_page',
          fulfilled_at: null,
          confirmed_at: null,
          thanks: null,
          dispute_reason: null,
          hours_served: null,
          created_at: at,
          updated_at: at,
        })
        .execute()

      await migrateToLatest(database.db)

      const rows = await database.db.selectFrom('uploads').selectAll().execute()
      expect(rows.map((r) => r.id)).toEqual(['up_gps'])
      const [cleaned] = rows
      expect(hasExifGps(Buffer.from(cleaned!.data))).toBe(false)
      expect(jpegSegments(Buffer.from(cleaned!.data)).map((s) => s.marker)).not.toContain(APP1)
      expect((await sharp(Buffer.from(cleaned!.data)).metadata()).width).toBe(1600)
      expect((await sharp(Buffer.from(cleaned!.thumb)).metadata()).width).toBe(400)
      const wish = await database.db
        .selectFrom('wishes')
        .select(['photos_json', 'fulfil_photo_id'])
        .executeTakeFirstOrThrow()
      expect(wish).toEqual({ photos_json: '["up_gps"]', fulfil_photo_id: null })
    } finally {
      await database.close()
      testDatabase.remove()
    }
  })
})
