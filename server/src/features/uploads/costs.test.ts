import { DB_KINDS } from '../../../../tests/support/databases'
import { HTML_IN_JPEG, phoneJpeg, progressiveJpegBomb } from '../../../../tests/support/images'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/** What a photo may cost the server: decided before decoding where it can be, bounded where it cannot. */
describe.each(DB_KINDS)('the cost of a photo upload, on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>

  const upload = (as: string, bytes: Buffer, type = 'image/jpeg') =>
    api.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: bytes,
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-type': type },
    })

  beforeAll(async () => {
    api = await startTestApi({ kind, env: { QUOTA_UPLOADS_PER_DAY: '2' } })
    tokens = await api.signInEach('c-', [
      ['full', 'resident'],
      ['prober', 'resident'],
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
})
