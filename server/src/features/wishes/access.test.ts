import { DB_KINDS } from '../../../../tests/support/databases'
import type { TestApi } from '../../../../tests/support/api'
import { startWishesTown, WISH_BODY, wishRow as rowOf } from '../../../../tests/support/wishes'

/**
 * Every wish and member route × every kind of caller → the status each must get. A refusal changes nothing.
 */
describe.each(DB_KINDS)('micro-wishes authorization table on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>
  const wishRow = (id: string) => rowOf(api, id)

  beforeAll(async () => ({ api, tokens } = await startWishesTown(kind, () => new Date('2026-11-25T02:00:00Z'))))
  afterAll(() => api.close())

  type WishState = 'pending' | 'published' | 'claimed' | 'fulfilled' | 'disputed'
  const callers = [
    'anonymous',
    'tourist',
    'owner',
    'otherResident',
    'unverifiedMember',
    'verifiedMember',
    'staffHere',
    'staffThere',
  ] as const
  type Caller = (typeof callers)[number]
  const as: Record<Caller, string | undefined> = {
    anonymous: undefined,
    tourist: 'tourist',
    owner: '张秀英',
    otherResident: '李大伯',
    unverifiedMember: 'pending',
    verifiedMember: '王党员',
    staffHere: 'staffHere',
    staffThere: 'staffThere',
  }
  // [route, the state the wish is put in first, body, expected status per caller in the order above]
  const table: [string, WishState, object, number[]][] = [
    ['review', 'pending', { decision: 'approve' }, [401, 403, 403, 403, 403, 403, 200, 403]],
    ['claim', 'published', {}, [401, 403, 403, 403, 403, 200, 403, 403]],
    ['withdraw', 'published', {}, [401, 403, 200, 403, 403, 403, 403, 403]],
    ['release', 'claimed', { reason: '有事' }, [401, 403, 403, 403, 403, 200, 403, 403]],
    ['fulfil', 'claimed', { note: '已完成' }, [401, 403, 403, 403, 403, 200, 403, 403]],
    ['confirm', 'fulfilled', {}, [401, 403, 200, 403, 403, 403, 403, 403]],
    ['dispute', 'fulfilled', { reason: '没有修好' }, [401, 403, 200, 403, 403, 403, 403, 403]],
    ['settle', 'disputed', { note: '已电话核实，阀芯已换' }, [401, 403, 403, 403, 403, 403, 200, 403]],
    ['reopen', 'disputed', { note: '重新发布，另请党员帮忙' }, [401, 403, 403, 403, 403, 403, 200, 403]],
  ]

  async function wishIn(state: WishState): Promise<string> {
    const id = (await api.call('POST', '/api/wishes', tokens.张秀英, WISH_BODY)).json().wish.id
    if (state === 'pending') return id
    await api.call('POST', `/api/wishes/${id}/review`, tokens.staffHere, { decision: 'approve' })
    if (state === 'published') return id
    await api.call('POST', `/api/wishes/${id}/claim`, tokens.王党员)
    if (state === 'claimed') return id
    await api.call('POST', `/api/wishes/${id}/fulfil`, tokens.王党员, { note: '已完成' })
    if (state === 'fulfilled') return id
    await api.call('POST', `/api/wishes/${id}/dispute`, tokens.张秀英, { reason: '没有修好' })
    return id
  }

  it.each(table)('%s', async (route, state, body, expected) => {
    for (const [index, caller] of callers.entries()) {
      const id = await wishIn(state)
      const before = await wishRow(id)
      const res = await api.call('POST', `/api/wishes/${id}/${route}`, as[caller] && tokens[as[caller]], body)
      expect({ caller, status: res.statusCode }).toEqual({ caller, status: expected[index] })
      if (res.statusCode !== 200) expect(await wishRow(id)).toEqual(before)
    }
  })

  it('the wrong state gets 409 and changes nothing', async () => {
    const id = await wishIn('published')
    const before = await wishRow(id)
    const res = await api.call('POST', `/api/wishes/${id}/confirm`, as.owner && tokens[as.owner], {})
    expect(res.statusCode).toBe(409)
    expect(await wishRow(id)).toEqual(before)
  })

  it('member routes: register any logged-in user, verify only staff of that community', async () => {
    const register = {
      realName: '周新',
      phone: '13600000000',
      workUnit: '市教育局',
      branch: '机关二支部',
      communityId: 'cm_jiadi',
    }
    tokens.newbie = (await api.signIn('w-newbie', 'resident', { nickname: 'newbie' })).token
    expect((await api.call('POST', '/api/members', undefined, register)).statusCode).toBe(401)
    const registered = await api.call('POST', '/api/members', tokens.newbie, register)
    expect(registered.statusCode).toBe(201)
    const memberId = registered.json().member.id
    const repeat = await api.call('POST', '/api/members', tokens.newbie, register)
    expect(repeat.statusCode).toBe(200)
    expect(repeat.json().member).toMatchObject({ id: memberId, status: 'pending' })
    for (const caller of ['newbie', 'verifiedMember', 'staffThere'] as const) {
      const res = await api.call(
        'POST',
        `/api/members/${memberId}/verify`,
        caller === 'newbie' ? tokens.newbie : as[caller] && tokens[as[caller]],
        {
          decision: 'verify',
        },
      )
      expect(res.statusCode).toBe(403)
    }
    expect((await api.call('GET', '/api/members', as.verifiedMember && tokens[as.verifiedMember])).statusCode).toBe(403)
    const queue = (await api.call('GET', '/api/members', tokens.staffHere)).json().items
    expect(queue.map((m: { id: string }) => m.id)).toContain(memberId)
    expect(
      (await api.call('GET', '/api/members', tokens.staffThere)).json().items.map((m: { id: string }) => m.id),
    ).not.toContain(memberId)
    expect(
      (await api.call('POST', `/api/members/${memberId}/verify`, tokens.staffHere, { decision: 'reject' })).statusCode,
    ).toBe(400)
    expect(
      (await api.call('POST', `/api/members/${memberId}/verify`, tokens.staffHere, { decision: 'verify' })).json()
        .member.status,
    ).toBe('verified')
    expect((await api.call('GET', '/api/me', tokens.newbie)).json().user.role).toBe('member')
  })
})
