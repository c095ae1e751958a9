import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { outboxOf, scheduleTeaSession } from '../../../../tests/support/lectures'

describe.each(DB_KINDS)('the topic menu (点单) on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => new Date('2026-11-25T02:00:00Z') })
    tokens = await api.signInEach('tp-', [
      ['staff', 'staff'],
      ['ana', 'resident'],
      ['bo', 'resident'],
      ['tourist', 'tourist'],
    ])
  })
  afterAll(() => api.close())
  const newSession = (capacity: number) => scheduleTeaSession(api, tokens.staff!, capacity)
  const outboxFor = (kindOfNotice: string) => outboxOf(api, kindOfNotice)

  it('lets staff add and edit topics, which residents then see; others are refused and nothing changes', async () => {
    for (const who of [undefined, 'tourist', 'ana']) {
      expect(
        (
          await api.call('POST', '/api/lectures/topics', who && tokens[who], {
            title: '防溺水',
            description: '夏季安全',
          })
        ).statusCode,
      ).toBe(who ? 403 : 401)
    }
    const topic = await api.call('POST', '/api/lectures/topics', tokens.staff, {
      title: '防溺水安全',
      description: '暑期前给家长和孩子讲讲韩江边的安全。',
    })
    expect(topic.statusCode).toBe(201)
    expect(topic.json().topic).toMatchObject({ title: '防溺水安全', titleEn: '防溺水安全', orderCount: 0 })
    const renamed = await api.call('PATCH', `/api/lectures/topics/${topic.json().topic.id}`, tokens.staff, {
      titleEn: 'Water safety',
    })
    expect(renamed.json().topic).toMatchObject({ title: '防溺水安全', titleEn: 'Water safety' })
    const menu = (await api.call('GET', '/api/lectures/topics')).json().items
    expect(menu.at(-1)).toMatchObject({ title: '防溺水安全' })
    const log = await api.database.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity', '=', 'lecture_topic')
      .execute()
    expect(log).toEqual(expect.arrayContaining([{ entity: 'lecture_topic', action: 'create' }]))
  })

  it('shows the topic menu with demand; one order per person, counted once', async () => {
    const before = (await api.call('GET', '/api/lectures/topics')).json().items
    expect(before.map((t: { title: string }) => t.title)).toEqual(
      expect.arrayContaining(['反诈宣传', '工夫茶与非遗', '潮州历史文化']),
    )
    const start = before.find((t: { id: string }) => t.id === 'tp_waste').orderCount
    expect(
      (
        await api.call('POST', '/api/lectures/topics/tp_waste/orders', tokens.ana, {
          preferredTime: 'evening',
          area: '甲第巷',
        })
      ).json().topic,
    ).toMatchObject({
      orderCount: start + 1,
      orderedByMe: true,
    })
    const again = await api.call('POST', '/api/lectures/topics/tp_waste/orders', tokens.ana, {
      preferredTime: 'morning',
    })
    expect(again.json().topic.orderCount).toBe(start + 1)
    expect((await api.call('POST', '/api/lectures/topics/tp_waste/orders')).statusCode).toBe(401)
    expect((await api.call('POST', '/api/lectures/topics/tp_nothing/orders', tokens.ana, {})).statusCode).toBe(404)
    const demand = (await api.call('GET', '/api/lectures/topics/demand', tokens.staff)).json().items
    expect(demand.find((d: { topicId: string }) => d.topicId === 'tp_waste')).toMatchObject({
      orders: start + 1,
      byTime: { morning: 1 },
    })
    expect((await api.call('GET', '/api/lectures/topics/demand', tokens.ana)).statusCode).toBe(403)
  })

  it('scheduling a topic notifies the residents who ordered it', async () => {
    await api.call('POST', '/api/lectures/topics/tp_tea/orders', tokens.bo, {})
    const id = await newSession(5)
    const notices = await outboxFor('topic_scheduled')
    expect(notices.some((n) => JSON.parse(n.payload_json).sessionId === id)).toBe(true)
  })
})
