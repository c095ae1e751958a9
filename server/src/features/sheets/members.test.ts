import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { CSV, sheetsOf } from '../../../../tests/support/sheets'

const HEADER = 'realName,phone,workUnit,branch,communityId,status'
const registration = (phone: string, communityId = 'cm_jiadi') => ({
  realName: '陈名册',
  phone,
  workUnit: '潮州市某局',
  branch: '第一党支部',
  communityId,
})
const rosterRow = (phone: string, communityId = 'cm_jiadi', realName = '陈名册') =>
  `${realName},${phone},潮州市某局,第一党支部,${communityId}`

describe.each(DB_KINDS)('the members roster sheet on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>
  const sheets = sheetsOf(
    () => api,
    'members',
    () => tokens,
  )
  let residents = 0
  /** A new resident who files a registration; their token and what the API answered. */
  async function register(phone: string, communityId = 'cm_jiadi') {
    const name = `shm-resident-${++residents}`
    const { token } = await api.signIn(name, 'resident', { nickname: name })
    const res = await api.call('POST', '/api/members', token, registration(phone, communityId))
    return { token, res }
  }
  const registrations = () =>
    api.database.db.selectFrom('members').select(['id', 'phone', 'status', 'community_id']).orderBy('id').execute()

  beforeAll(async () => {
    api = await startTestApi({ kind })
    tokens = await api.signInEach('shm-', [
      ['district', 'staff'],
      ['jiadi', 'staff', 'cm_jiadi'],
      ['xihu', 'staff', 'cm_xihu'],
    ])
  })
  afterAll(() => api.close())

  it('exports registrations and roster rows with their status; phones only to their community’s staff', async () => {
    await register('13911110001')
    const [header, ...rows] = await sheets.csvLines('jiadi')
    expect(header).toBe(HEADER)
    expect(rows).toEqual([
      '吴晓燕,13800000002,演示单位,演示支部,cm_jiadi,verified',
      `${rosterRow('13911110001')},pending`,
    ])
    const others = (await sheets.csvLines('xihu')).join('\n')
    expect(others).not.toContain('13911110001')
    expect(others).not.toContain('cm_jiadi')
    expect((await sheets.csvLines('district')).join('\n')).toContain('13911110001')
  })

  it('changes nothing when the export comes back unchanged: a pending registration stays pending', async () => {
    const before = await registrations()
    const audit = await api.countRows('audit_log')
    await sheets.reapplyExports({ created: 0, updated: 0, verified: 0, errors: [] })
    expect(await registrations()).toEqual(before)
    expect(await api.countRows('roster_entries')).toBe(0)
    expect(await api.countRows('audit_log')).toBe(audit + 2)
  })

  it('verifies pending registrations on the roster and tells them; keeps the rest for later registrations', async () => {
    const { token: waiting } = await register('13911110002')
    const elsewhere = await register('13911110003', 'cm_xihu')
    const file = [
      'realName,phone,workUnit,branch,communityId',
      rosterRow('13911110002'),
      rosterRow('13911110003'),
      rosterRow('13911110004'),
    ].join('\r\n')
    const before = await registrations()
    const preview = await sheets.upload(file, CSV, 'preview', 'jiadi')
    expect(preview.json()).toMatchObject({ created: 3, updated: 0, verified: 1, errors: [] })
    expect(await registrations()).toEqual(before)

    const applied = await sheets.upload(file, CSV, 'apply', 'jiadi')
    expect(applied.json()).toMatchObject({ mode: 'apply', created: 3, verified: 1, errors: [] })
    const mine = (await api.call('GET', '/api/me/member', waiting)).json().member
    expect(mine.status).toBe('verified')
    expect((await api.call('GET', '/api/me', waiting)).json().user.role).toBe('member')
    const inbox = (await api.call('GET', '/api/me/notices', waiting)).json().items
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'member_verified', title: '双报到已核实' }))
    const outbox = await api.database.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', 'member_verified')
      .execute()
    expect(outbox).toHaveLength(1)
    // The same phone registered with another community is another person's matter: still pending.
    expect((await api.call('GET', '/api/me/member', elsewhere.token)).json().member.status).toBe('pending')

    // On the roster before registering: verified at once.
    const later = await register('13911110004')
    expect(later.res.statusCode).toBe(201)
    expect(later.res.json().member.status).toBe('verified')
    expect((await api.call('GET', '/api/me', later.token)).json().user.role).toBe('member')

    const exported = (await sheets.csvLines('jiadi')).slice(1)
    expect(exported).toEqual(
      expect.arrayContaining([
        `${rosterRow('13911110002')},verified`,
        `${rosterRow('13911110003')},listed`,
        `${rosterRow('13911110004')},verified`,
      ]),
    )
    // Loaded again with a new branch: updated, nobody verified twice.
    const again = await sheets.upload(file.replace(/第一党支部/g, '第二党支部'), CSV, 'apply', 'jiadi')
    expect(again.json()).toMatchObject({ created: 0, updated: 3, verified: 0 })
  })

  it('refuses bad rows by the registration form’s schema, by community and by status; apply writes nothing', async () => {
    await register('13911110005')
    const file = [
      HEADER,
      `${rosterRow('1391111')},`,
      `${rosterRow('13911110006')},maybe`,
      `${rosterRow('13911110007', 'cm_xihu')},`,
      `${rosterRow('13911110005', 'cm_jiadi', '改了名字')},pending`,
      `${rosterRow('13911110008')},`,
      `${rosterRow('13911110008')},listed`,
    ].join('\r\n')
    const before = await registrations()
    const preview = await sheets.upload(file, CSV, 'preview', 'jiadi')
    expect(preview.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: 'phone', code: 'INVALID' }),
      expect.objectContaining({ row: 3, column: 'status', code: 'INVALID' }),
      expect.objectContaining({ row: 4, column: 'communityId', code: 'FORBIDDEN' }),
      expect.objectContaining({ row: 5, column: 'status', code: 'READ_ONLY' }),
      expect.objectContaining({ row: 7, column: 'phone', code: 'DUPLICATE_ID' }),
    ])
    const applied = await sheets.upload(file, CSV, 'apply', 'jiadi')
    expect(applied.statusCode).toBe(422)
    expect(await registrations()).toEqual(before)
  })

  it('verifies every one of 100 registrations filed while their roster loads, whichever comes first', async () => {
    const phones = Array.from({ length: 100 }, (_, i) => `137${String(i).padStart(8, '0')}`)
    const people = []
    for (const phone of phones) {
      const name = `shm-rush-${phone}`
      people.push({ phone, token: (await api.signIn(name, 'resident', { nickname: name })).token })
    }
    const file = ['realName,phone,workUnit,branch,communityId', ...phones.map((p) => rosterRow(p))].join('\r\n')
    const [loaded, ...answers] = await Promise.all([
      sheets.upload(file, CSV, 'apply', 'jiadi'),
      ...people.map(({ phone, token }) => api.call('POST', '/api/members', token, registration(phone))),
    ])
    expect(loaded.statusCode).toBe(200)
    expect(answers.map((a) => a.statusCode)).toEqual(phones.map(() => 201))
    const stored = await api.database.db.selectFrom('members').select('status').where('phone', 'in', phones).execute()
    expect(stored.map((s) => s.status)).toEqual(phones.map(() => 'verified'))
    const told = await api.database.db
      .selectFrom('inbox_notices as n')
      .innerJoin('members as m', 'm.user_id', 'n.user_id')
      .select('n.id')
      .where('n.kind', '=', 'member_verified')
      .where('m.phone', 'in', phones)
      .execute()
    expect(told).toHaveLength(100)
  })
})
