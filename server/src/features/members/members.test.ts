import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import type { AuthResponse } from '../auth/schemas'

const registration = {
  realName: '陈志强',
  phone: '13811112222',
  workUnit: '市文广旅局',
  branch: '机关第二支部',
  communityId: 'cm_jiadi',
}

describe.each(DB_KINDS)('member registration on %s', (kind) => {
  let api: TestApi
  let eager: AuthResponse
  let staffer: AuthResponse

  beforeAll(async () => {
    api = await startTestApi({ kind })
    eager = await api.signIn('mb-eager', 'resident', { communityId: 'cm_jiadi' })
    staffer = await api.signIn('mb-staffer', 'staff', { communityId: 'cm_jiadi' })
  })
  afterAll(() => api.close())

  const rowsOf = (userId: string) =>
    api.database.db.selectFrom('members').selectAll().where('user_id', '=', userId).execute()

  it('ten registrations at once from one person: one 201, nine 200 with that same registration, one row', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api.call('POST', '/api/members', eager.token, registration)),
    )
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    const [stored] = await rowsOf(eager.user.id)
    for (const r of responses) expect(r.json().member).toMatchObject({ id: stored!.id, status: 'pending' })
    expect(await rowsOf(eager.user.id)).toHaveLength(1)
    // Registering again later changes nothing either.
    const again = await api.call('POST', '/api/members', eager.token, { ...registration, realName: '陈强' })
    expect(again.statusCode).toBe(200)
    expect(again.json().member).toMatchObject({ id: stored!.id, realName: '陈志强' })
    expect((await api.call('GET', '/api/me/member', eager.token)).json().member).toMatchObject({
      status: 'pending',
      realName: '陈志强',
    })
  })

  it('a staff user cannot decide their own registration: 403, still pending, still staff', async () => {
    const filed = await api.call('POST', '/api/members', staffer.token, { ...registration, realName: '林社工' })
    expect(filed.statusCode).toBe(201)
    const id = filed.json().member.id
    for (const decision of [{ decision: 'verify' }, { decision: 'reject', reason: '测试' }]) {
      const refused = await api.call('POST', `/api/members/${id}/verify`, staffer.token, decision)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error).toMatchObject({
        code: 'FORBIDDEN',
        message: '不能审核自己的报到',
        messageEn: 'You cannot decide your own registration',
      })
    }
    expect((await rowsOf(staffer.user.id))[0]).toMatchObject({ status: 'pending', decided_by: null })
    expect((await api.call('GET', '/api/me', staffer.token)).json().user.role).toBe('staff')
  })

  it('a staff user whose registration a colleague verifies is a verified member and still staff', async () => {
    const worker = await api.signIn('mb-worker', 'staff', { communityId: 'cm_jiadi' })
    const filed = await api.call('POST', '/api/members', worker.token, {
      ...registration,
      realName: '郑社工',
      phone: '13811113333',
    })
    expect(filed.statusCode).toBe(201)
    const verified = await api.call('POST', `/api/members/${filed.json().member.id}/verify`, staffer.token, {
      decision: 'verify',
    })
    expect(verified.statusCode).toBe(200)
    expect((await api.call('GET', '/api/me/member', worker.token)).json().member.status).toBe('verified')
    expect((await api.call('GET', '/api/me', worker.token)).json().user.role).toBe('staff')
    // Still the community's staff: the registrations they may decide are theirs to see, their own among the verified.
    const queue = await api.call('GET', '/api/members?status=verified', worker.token)
    expect(queue.statusCode).toBe(200)
    expect(queue.json().items.map((m: { realName: string }) => m.realName)).toContain('郑社工')
  })

  // A first WeChat login is a tourist: registering and being verified is how they become a member too.
  it.each([
    ['resident', '13811114444'],
    ['tourist', '13811115555'],
  ] as const)(
    'a %s whose registration staff verify becomes a member and is told so in the inbox',
    async (role, phone) => {
      const person = await api.signIn(`mb-${role}`, role, { communityId: 'cm_jiadi' })
      const filed = await api.call('POST', '/api/members', person.token, { ...registration, phone })
      const verified = await api.call('POST', `/api/members/${filed.json().member.id}/verify`, staffer.token, {
        decision: 'verify',
      })
      expect(verified.statusCode).toBe(200)
      expect((await api.call('GET', '/api/me', person.token)).json().user.role).toBe('member')
      const inbox = (await api.call('GET', '/api/me/notices', person.token)).json().items
      expect(inbox).toContainEqual(expect.objectContaining({ kind: 'member_verified', title: '双报到已核实' }))
    },
  )
})
