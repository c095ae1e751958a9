import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { readPdf } from '../../../../tests/support/pdf'
import { scan } from '../../../../tests/support/scan'
import { newSerial } from './commands'
import { checkAddress } from './document'
import { SERIAL_PATTERN } from './schemas'

describe('certificate serials and their check address', () => {
  it('are 80 random bits in four groups, never repeating, and the QR code opens the public check', () => {
    const serials = Array.from({ length: 2000 }, newSerial)
    for (const serial of serials) expect(serial).toMatch(SERIAL_PATTERN)
    expect(new Set(serials).size).toBe(serials.length)
    expect(checkAddress('https://hub.example.cn/', '7K3M-9QXD-2HFA-PW8R')).toBe(
      'https://hub.example.cn/api/certificates/7K3M-9QXD-2HFA-PW8R',
    )
  })
})

describe.each(DB_KINDS)('certificates of volunteer service on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>
  let communityName: string
  const activities: string[] = []
  const issued: { serial: string; url: string }[] = []

  const publish = async (title: string, startsAt: string, endsAt: string) => {
    const res = await api.call('POST', '/api/activities', tokens.staff, {
      title,
      kind: 'cleanup',
      description: '清理街巷卫生死角。',
      communityId: 'cm_paifang',
      address: '潮州市湘桥区太平路 120 号',
      lat: 23.6671,
      lng: 116.6449,
      startsAt,
      endsAt,
      volunteersNeeded: 5,
    })
    return res.json().activity.id as string
  }
  const memberIdOf = async (token: string) => (await api.call('GET', '/api/me/member', token)).json().member.id
  const setHours = async (activityId: string, hours: number) =>
    api.call('PATCH', `/api/activities/${activityId}/signups/${await memberIdOf(tokens.lin!)}`, tokens.staff, {
      hours,
      reason: '现场负责人确认',
    })
  const ask = (token: string | undefined, body: object) => api.call('POST', '/api/me/member/certificates', token, body)

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now, env: { PUBLIC_BASE_URL: 'https://hub.example.cn' } })
    tokens = await api.signInEach('ce-', [
      ['staff', 'staff', 'cm_paifang'],
      ['staffJiadi', 'staff', 'cm_jiadi'],
      ['wu', 'member', 'cm_paifang'],
      ['resident', 'resident', 'cm_paifang'],
    ])
    tokens.lin = (await api.signIn('ce-lin', 'member', { nickname: '林晓梅', communityId: 'cm_paifang' })).token
    await api.database.db
      .updateTable('members')
      .set({ work_unit: '潮州市文化广电旅游局' })
      .where('real_name', '=', '林晓梅')
      .execute()
    communityName = (
      await api.database.db
        .selectFrom('communities')
        .select('name')
        .where('id', '=', 'cm_paifang')
        .executeTakeFirstOrThrow()
    ).name
    activities.push(await publish('牌坊街环境卫生整治', '2026-11-28T01:00:00Z', '2026-11-28T04:00:00Z'))
    // 08:30 on 1 December in Shanghai, still 30 November in UTC: the period is counted in Shanghai dates.
    activities.push(await publish('太平路清洁行动', '2026-11-30T16:30:00Z', '2026-11-30T18:00:00Z'))
    for (const id of activities) await api.call('POST', `/api/activities/${id}/signups`, tokens.lin)
    expect((await setHours(activities[0]!, 2.5)).statusCode).toBe(200)
    expect((await setHours(activities[1]!, 1)).statusCode).toBe(200)
    now = new Date('2026-12-02T02:00:00Z')
  })
  afterAll(() => api.close())

  it('refuses periods that are no period, or not over yet, in both languages, and non-members', async () => {
    const field = async (body: object) => {
      const res = await ask(tokens.lin, body)
      expect(res.statusCode).toBe(400)
      return res.json().error.details[0]
    }
    expect(await field({ from: '2026-11-30', to: '2026-11-01' })).toMatchObject({
      field: 'to',
      message: '结束日期不能早于开始日期',
    })
    expect(await field({ from: '2026-11-01', to: '2026-12-03' })).toMatchObject({
      field: 'to',
      message: '不能晚于今天',
      messageEn: 'must not be after today',
    })
    expect((await field({ from: '2026-02-30', to: '2026-03-01' })).field).toBe('from')
    expect((await field({ from: '1 Nov', to: '2026-11-30' })).field).toBe('from')
    expect((await ask(tokens.resident, { from: '2026-11-01', to: '2026-11-30' })).statusCode).toBe(403)
    expect((await ask(undefined, { from: '2026-11-01', to: '2026-11-30' })).statusCode).toBe(401)
    const nothing = await ask(tokens.wu, { from: '2026-11-01', to: '2026-12-02' })
    expect(nothing.statusCode).toBe(409)
    expect(nothing.json().error).toMatchObject({ code: 'NOTHING_TO_CERTIFY', message: expect.stringContaining('没有') })
    expect(await api.countRows('certificates')).toBe(0)
  })

  it('issues a certificate with the record’s own figures for the period, once per period and figures', async () => {
    const november = await ask(tokens.lin, { from: '2026-11-01', to: '2026-11-30' })
    expect(november.statusCode).toBe(201)
    const { serial } = november.json()
    expect(november.json()).toEqual({
      serial: expect.stringMatching(SERIAL_PATTERN),
      hours: 2.5,
      from: '2026-11-01',
      to: '2026-11-30',
      url: `/api/certificates/${serial}.pdf`,
    })
    const again = await ask(tokens.lin, { from: '2026-11-01', to: '2026-11-30' })
    expect(again.statusCode).toBe(200)
    expect(again.json().serial).toBe(serial)

    const whole = await ask(tokens.lin, { from: '2026-11-01', to: '2026-12-02' })
    expect(whole.statusCode).toBe(201)
    const record = (await api.call('GET', '/api/me/member/record', tokens.lin)).json()
    expect(whole.json().hours).toBe(record.hoursServed)
    expect(whole.json().hours).toBe(3.5)
    issued.push(november.json(), whole.json())
    expect(await api.countRows('certificates')).toBe(2)
  })

  it('prints one A4 page with the name, work unit, community, figures and serial, and a QR code of the check', async () => {
    const { serial, url } = issued[1]!
    const res = await api.call('GET', url, tokens.lin)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const pdf = await readPdf(res.rawPayload)
    expect(pdf.pages).toBe(1)
    for (const shown of ['林晓梅', '潮州市文化广电旅游局', communityName, '3.5', serial, '2026-11-01', '2026-12-02'])
      expect(pdf.text).toContain(shown)
    expect(pdf.text).toMatch(/志愿服务活动\s*2\s*次/)
    const page = scan(pdf.firstPage)
    expect([page.width, page.height]).toEqual([1190, 1683])
    expect(page.code).toBe(`https://hub.example.cn/api/certificates/${serial}`)
  })

  it('shows the PDF to its holder and their community’s staff only', async () => {
    const { serial, url } = issued[0]!
    expect((await api.call('GET', url)).statusCode).toBe(401)
    expect((await api.call('GET', url, tokens.wu)).statusCode).toBe(404)
    expect((await api.call('GET', url, tokens.resident)).statusCode).toBe(404)
    expect((await api.call('GET', url, tokens.staffJiadi)).statusCode).toBe(403)
    expect((await api.call('GET', url, tokens.staff)).statusCode).toBe(200)
    expect((await api.call('GET', url.replace(serial, '0000-0000-0000-0000'), tokens.lin)).statusCode).toBe(404)
    expect((await api.call('GET', '/api/certificates/not-a-serial.pdf', tokens.lin)).statusCode).toBe(400)
  })

  it('lets anyone check a serial: the figures, a masked name and the community, nothing else', async () => {
    const { serial } = issued[0]!
    const res = await api.call('GET', `/api/certificates/${serial}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      serial,
      valid: true,
      nameMasked: '林**',
      hours: 2.5,
      from: '2026-11-01',
      to: '2026-11-30',
      community: communityName,
      issuedAt: '2026-12-02T02:00:00.000Z',
    })
    expect((await api.call('GET', '/api/certificates/0000-0000-0000-0000')).statusCode).toBe(404)
  })

  it('turns invalid when staff correct the period’s hours below the certificate’s figure', async () => {
    const valid = async (index: number) =>
      (await api.call('GET', `/api/certificates/${issued[index]!.serial}`)).json().valid
    // 1 December's activity is outside November: correcting it leaves the November certificate standing.
    await setHours(activities[1]!, 0.5)
    expect([await valid(0), await valid(1)]).toEqual([true, false])
    await setHours(activities[0]!, 2)
    expect([await valid(0), await valid(1)]).toEqual([false, false])
    await setHours(activities[0]!, 3)
    expect([await valid(0), await valid(1)]).toEqual([true, true])
  })
})
