import sharp from 'sharp'
import { DB_KINDS } from '../../../../tests/support/databases'
import { HTML_IN_JPEG, phoneJpeg, pngBomb, pngClaiming, progressiveJpegBomb } from '../../../../tests/support/images'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/**
 * What a photo may cost the server: decided from the quota and the header before anything is decoded, and then one
 * decode per photo. The files are made here as a probe would make them; what they cost in time is in the bench.
 */
describe.each(DB_KINDS)('the cost of a photo upload, on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>

  const upload = (as: string, bytes: Buffer, type?: string) => api.upload(tokens[as], bytes, type)
  const storedSize = async (url: string) => {
    const served = await api.call('GET', url)
    expect(served.statusCode).toBe(200)
    const { width, height } = await sharp(served.rawPayload).metadata()
    return { width, height }
  }

  beforeAll(async () => {
    api = await startTestApi({ kind, env: { QUOTA_UPLOADS_PER_DAY: '2' } })
    tokens = await api.signInEach('c-', [
      ['full', 'resident'],
      ['prober', 'resident'],
      ['camera', 'resident'],
      ['scanner', 'resident'],
    ])
  })
  afterAll(() => api.close())

  it('over the daily quota, a file is refused before it is decoded: a bomb or a file that is no photo gets 429, not 415', async () => {
    const photo = await phoneJpeg(64, 48)
    for (let n = 0; n < 2; n++) expect((await upload('full', photo)).statusCode).toBe(201)
    for (const bytes of [progressiveJpegBomb(7000, 7000, 883), HTML_IN_JPEG]) {
      const refused = await upload('full', bytes)
      expect(refused.statusCode).toBe(429)
      expect(refused.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        messageEn: expect.stringContaining('2 photos'),
      })
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    }
  })

  it('refuses a progressive JPEG of hundreds of scans (a 178 KB file of 49 megapixels) with 415, storing nothing', async () => {
    const before = await api.database.db.selectFrom('uploads').select('id').execute()
    const bomb = progressiveJpegBomb(7000, 7000, 883)
    expect(bomb.length).toBeLessThan(200 * 1024)
    for (const bytes of [bomb, progressiveJpegBomb(640, 480, 33)]) {
      const refused = await upload('prober', bytes)
      expect(refused.statusCode).toBe(415)
      expect(refused.json().error).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('32'),
        messageEn: expect.stringContaining('more than 32 progressive scans'),
      })
    }
    expect(await api.database.db.selectFrom('uploads').select('id').execute()).toHaveLength(before.length)
  })

  it('refuses a decompression bomb (a 400-megapixel PNG of 50 KB) from its header, 413', async () => {
    const bomb = pngBomb(20_000, 20_000)
    expect(bomb.length).toBeLessThan(100 * 1024)
    const refused = await upload('prober', bomb, 'image/png')
    expect(refused.statusCode).toBe(413)
    expect(refused.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      messageEn: expect.stringContaining('pixels'),
    })
  })

  it('refuses from its header a PNG that would unpack to more than 200 MB (30 megapixels of 16-bit RGBA), 413', async () => {
    const bomb = await upload('prober', pngClaiming(6000, 5000, true), 'image/png')
    expect(bomb.statusCode).toBe(413)
    expect(bomb.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', messageEn: expect.stringContaining('pixels') })
    // As many 8-bit RGB pixels are within bounds: it goes on to decoding, where the missing pixels make it 415.
    expect((await upload('prober', pngClaiming(6000, 5000), 'image/png')).statusCode).toBe(415)
  })

  it('takes a 50-megapixel photo and a 49-megapixel PNG of one colour (a few KB), each stored at 1600 px', async () => {
    const camera = await sharp({ create: { width: 8160, height: 6120, channels: 3, background: '#2e8b57' } })
      .jpeg()
      .toBuffer()
    const flat = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#b22222' } })
      .png({ palette: true, colours: 2 })
      .toBuffer()
    expect(flat.length).toBeLessThan(10 * 1024)
    const photo = await upload('camera', camera)
    expect(photo.statusCode).toBe(201)
    expect(await storedSize(photo.json().upload.url)).toEqual({ width: 1600, height: 1200 })
    const png = await upload('camera', flat, 'image/png')
    expect(png.statusCode).toBe(201)
    expect(await storedSize(png.json().upload.url)).toEqual({ width: 1600, height: 1600 })
    expect(await storedSize(png.json().upload.thumbUrl)).toEqual({ width: 400, height: 400 })
  })

  it('takes a progressive JPEG of 32 scans, and one as encoders write it', async () => {
    for (const bytes of [
      progressiveJpegBomb(640, 480, 32),
      await sharp({ create: { width: 900, height: 600, channels: 3, background: '#4682b4' } })
        .jpeg({ progressive: true })
        .toBuffer(),
    ]) {
      const taken = await upload('scanner', bytes)
      expect(taken.statusCode).toBe(201)
      expect((await sharp((await api.call('GET', taken.json().upload.url)).rawPayload).metadata()).isProgressive).toBe(
        false,
      )
    }
  })
})
