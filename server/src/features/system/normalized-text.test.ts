import type { LightMyRequestResponse } from 'fastify'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/** Characters that render as nothing; each split a blocked word past the word list before text was normalized. */
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u200E', '\u180E', '\uFE0F', '\u3164']
/** Every bidi embedding, override and isolate. */
const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']

/** Attendees whose names a spreadsheet would take for a formula, fullwidth or behind an invisible character. */
const FORMULA_NICKNAMES = [
  "＝cmd|' /C calc'!A0",
  '\u200B=1+1',
  '＋86 1380000',
  '－1',
  '＠SUM(A1)',
  '\u200C@x',
  '\u2060\u00AD=2',
]

const wishBody = {
  category: 'repair',
  title: '楼道灯坏了',
  description: '三楼楼道灯不亮，老人晚上上下楼不方便。',
  communityId: 'cm_jiadi',
}

/**
 * Every field whose text passes the content check, each reached in a state where it would be taken: its route, its
 * name in the body, the label the refusal names and how to send it.
 */
interface CheckedField {
  route: string
  field: string
  label: string
  send(text: string): Promise<LightMyRequestResponse>
}

describe.each(DB_KINDS)('text is normalized before it is judged, on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>
  /** A wish the member has claimed (release, fulfil), one they fulfilled (confirm, dispute), a session attended. */
  const ids = { claimed: '', fulfilled: '', session: '' }
  const post = (path: string, who: string, body: object) => api.call('POST', path, tokens[who], body)

  const CHECKED: CheckedField[] = [
    ...(['title', 'description', 'preferredTime'] as const).map((field, index) => ({
      route: 'POST /api/wishes',
      field,
      label: ['标题', '描述', '方便联系的时间'][index]!,
      send: (text: string) => post('/api/wishes', 'resident', { ...wishBody, [field]: text }),
    })),
    {
      route: 'POST /api/wishes (代办)',
      field: 'onBehalfOf.name',
      label: '居民姓名',
      send: (text) =>
        post('/api/wishes', 'staff', {
          ...wishBody,
          contactPhone: '0768-2221234',
          onBehalfOf: { name: text, phone: '13800001111' },
          consent: 'in_person',
        }),
    },
    ...(
      [
        ['release', 'reason', '原因', 'claimed', 'member'],
        ['fulfil', 'note', '完成说明', 'claimed', 'member'],
        ['confirm', 'thanks', '感谢留言', 'fulfilled', 'resident'],
        ['dispute', 'reason', '异议', 'fulfilled', 'resident'],
      ] as const
    ).map(([step, field, label, wish, who]) => ({
      route: `POST /api/wishes/{id}/${step}`,
      field,
      label,
      send: (text: string) => post(`/api/wishes/${ids[wish]}/${step}`, who, { [field]: text }),
    })),
    {
      route: 'POST /api/lectures/sessions/{id}/feedback',
      field: 'comment',
      label: '评价',
      send: (text) => post(`/api/lectures/sessions/${ids.session}/feedback`, 'resident', { rating: 4, comment: text }),
    },
    {
      route: 'POST /api/stations/{id}/reports',
      field: 'text',
      label: '问题描述',
      send: (text) => post('/api/stations/st_xihu/reports', 'resident', { category: 'other', text }),
    },
  ]

  /** Everything the checked fields write to: a refusal must leave all of it as it was. */
  const stored = () =>
    Promise.all([
      api.database.db.selectFrom('wishes').selectAll().orderBy('id').execute(),
      api.database.db.selectFrom('station_reports').selectAll().orderBy('id').execute(),
      api.database.db.selectFrom('lecture_feedback').selectAll().orderBy('user_id').execute(),
    ])

  const expectStatus = async (reply: Promise<LightMyRequestResponse>, status: number) => {
    const answer = await reply
    expect({ status: answer.statusCode, body: answer.body }).toEqual({ status, body: expect.any(String) })
    return answer
  }

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    tokens = await api.signInEach('nt-', [
      ['resident', 'resident'],
      ['member', 'member', 'cm_jiadi'],
      ['staff', 'staff', 'cm_jiadi'],
    ])
    const wish = async () => {
      const { id } = (await expectStatus(post('/api/wishes', 'resident', wishBody), 201)).json().wish
      await expectStatus(post(`/api/wishes/${id}/review`, 'staff', { decision: 'approve' }), 200)
      await expectStatus(post(`/api/wishes/${id}/claim`, 'member', {}), 200)
      return id as string
    }
    ids.claimed = await wish()
    ids.fulfilled = await wish()
    await expectStatus(post(`/api/wishes/${ids.fulfilled}/fulfil`, 'member', { note: '灯换好了' }), 200)

    const session = post('/api/lectures/sessions', 'staff', {
      topicId: 'tp_tea',
      guesthouseId: 'gh_jiadi',
      startsAt: '2026-11-25T11:30:00Z',
      endsAt: '2026-11-25T13:00:00Z',
      capacity: 20,
    })
    ids.session = (await expectStatus(session, 201)).json().session.id
    await expectStatus(post(`/api/lectures/sessions/${ids.session}/bookings`, 'resident', {}), 201)
    for (const [index, nickname] of FORMULA_NICKNAMES.entries()) {
      const { token } = await api.signIn(`nt-csv-${index}`, 'resident', { nickname })
      await expectStatus(api.call('POST', `/api/lectures/sessions/${ids.session}/bookings`, token), 201)
    }
    now = new Date('2026-11-25T11:35:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${ids.session}/checkin-code`, tokens.staff)).json()
    await expectStatus(post(`/api/lectures/sessions/${ids.session}/checkins`, 'resident', { code }), 201)
  })
  afterAll(() => api.close())

  it.each(CHECKED.map((checked) => [checked.route, checked.field, checked] as const))(
    '%s %s: a blocked word split by an invisible character is refused as the word itself is',
    async (_route, _field, { label, send }) => {
      const before = await stored()
      for (const text of [
        '这里有人搞网赌',
        ...INVISIBLE.map((invisible) => `这里有人搞网${invisible}赌`),
        '出售ｋ\u200B粉',
      ]) {
        const reply = await send(text)
        expect({ text, status: reply.statusCode }).toEqual({ text, status: 400 })
        expect(reply.json().error).toMatchObject({ code: 'CONTENT_REJECTED', message: expect.stringContaining(label) })
      }
      expect(await stored()).toEqual(before)
    },
  )

  it.each(CHECKED.map((checked) => [checked.route, checked.field, checked] as const))(
    '%s %s: a bidi control is refused with the field named, and nothing is stored',
    async (_route, _field, { field, send }) => {
      const before = await stored()
      for (const bidi of BIDI_CONTROLS) {
        const reply = await send(`帮忙看看${bidi}txt.exe`)
        expect({ bidi, status: reply.statusCode }).toEqual({ bidi, status: 400 })
        expect(reply.json().error).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: [
            { field, message: expect.stringContaining('文字显示方向'), messageEn: expect.stringContaining('U+202E') },
          ],
        })
      }
      expect(await stored()).toEqual(before)
    },
  )

  it('refuses a bidi control in any other text, path or query value as well, and changes nothing', async () => {
    const refused = async (reply: Promise<LightMyRequestResponse>, field: string) => {
      const answer = await expectStatus(reply, 400)
      expect(answer.json().error.details).toEqual([expect.objectContaining({ field, messageEn: expect.any(String) })])
    }
    const station = () =>
      api.database.db.selectFrom('stations').selectAll().where('id', '=', 'st_contact_jiadi').execute()
    const [before, users] = [await station(), await api.countRows('users')]
    await refused(
      api.call('PATCH', '/api/stations/st_contact_jiadi', tokens.staff, { name: '联系点\u202Eexe' }),
      'name',
    )
    await refused(
      api.call('PATCH', '/api/stations/st_contact_jiadi', tokens.staff, { pledges: ['\u2066承诺\u2069'] }),
      'pledges.0',
    )
    await refused(
      api.call('POST', '/api/auth/dev', undefined, { openid: 'nt-bidi', nickname: '\u2067管理员\u2069' }),
      'nickname',
    )
    await refused(api.call('GET', '/api/stations?kind=%E2%80%AEx'), 'kind')
    await refused(api.call('GET', '/api/wishes/wi%E2%80%ADx'), 'id')
    expect(await station()).toEqual(before)
    expect(await api.countRows('users')).toBe(users)
  })

  it('escapes a CSV cell that a spreadsheet would take for a formula, however it is disguised', async () => {
    const csv = await expectStatus(
      api.call('GET', `/api/lectures/sessions/${ids.session}/attendance.csv`, tokens.staff),
      200,
    )
    const firstCells = csv.body.split('\r\n').map((row) => row.split(',')[0])
    expect(firstCells).toEqual(
      expect.arrayContaining([...FORMULA_NICKNAMES.map((nickname) => `'${nickname}`), 'resident']),
    )
  })

  it('stores accepted text as it was typed: the joiners of an emoji family stay', async () => {
    const text = '一家👨‍👩‍👧都来接过热水\u00AD，谢谢'
    await expectStatus(post('/api/stations/st_xihu/reports', 'resident', { category: 'other', text }), 201)
    const reports = await api.database.db.selectFrom('station_reports').select('text').execute()
    expect(reports.map((r) => r.text)).toContain(text)
  })
})
