import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/** The file's content lines, unfolded (RFC 5545 §3.1: a CRLF followed by one space or tab continues the line). */
const contentLines = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1)

/** The lines between BEGIN:<name> and its END, once each component is checked to open and close in order. */
function component(lines: string[], name: string): string[] {
  const stack: string[] = []
  for (const line of lines) {
    if (line.startsWith('BEGIN:')) stack.push(line.slice(6))
    if (line.startsWith('END:')) expect(stack.pop()).toBe(line.slice(4))
  }
  expect(stack).toEqual([])
  const begin = lines.indexOf(`BEGIN:${name}`)
  expect(begin).toBeGreaterThanOrEqual(0)
  return lines.slice(begin + 1, lines.indexOf(`END:${name}`, begin))
}

/** One property's value; its name and parameters must match exactly, in whatever order properties come. */
function property(lines: string[], nameAndParams: string): string {
  const found = lines.filter((line) => line.startsWith(`${nameAndParams}:`))
  expect(found).toHaveLength(1)
  return found[0]!.slice(nameAndParams.length + 1)
}

describe.each(DB_KINDS)('a session for the phone’s calendar (.ics) on %s', (kind) => {
  let api: TestApi
  let staff: string
  const now = new Date('2026-11-25T02:00:00Z')

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    staff = (await api.signIn('ics-staff', 'staff')).token
  })
  afterAll(() => api.close())

  async function newSession() {
    const res = await api.call('POST', '/api/lectures/sessions', staff, {
      topicId: 'tp_tea',
      guesthouseId: 'gh_jiadi',
      startsAt: '2026-11-26T11:30:00Z',
      endsAt: '2026-11-26T13:00:00Z',
      capacity: 20,
      speaker: '林师傅; 陈老师, 茶艺',
    })
    expect(res.statusCode).toBe(201)
    return res.json().session as { id: string; topicTitle: string; topicTitleEn: string; guesthouse: { name: string } }
  }

  it('is one VEVENT at 19:30–21:00 Asia/Shanghai with its place and a link back, in Chinese or English', async () => {
    const session = await newSession()
    // Over HTTP, as a browser asks for it: the link back leads to the address the file came from.
    const res = await fetch(`${api.url}/api/lectures/sessions/${session.id}.ics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="lecture-${session.id}.ics"`)
    const ics = await res.text()
    expect(ics.endsWith('\r\n')).toBe(true)
    for (const physical of ics.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75)
    expect(ics).not.toMatch(/[^\r]\n/)

    const lines = contentLines(ics)
    const calendar = component(lines, 'VCALENDAR')
    expect(property(calendar, 'VERSION')).toBe('2.0')
    expect(property(calendar, 'PRODID')).toBeTruthy()
    // The zone the times name is defined in the file, as RFC 5545 asks of every TZID used.
    expect(property(component(lines, 'VTIMEZONE'), 'TZID')).toBe('Asia/Shanghai')
    expect(property(component(lines, 'STANDARD'), 'TZOFFSETTO')).toBe('+0800')

    const event = component(lines, 'VEVENT')
    expect(property(event, 'UID')).toContain(session.id)
    expect(property(event, 'DTSTAMP')).toBe('20261125T020000Z')
    expect(property(event, 'DTSTART;TZID=Asia/Shanghai')).toBe('20261126T193000')
    expect(property(event, 'DTEND;TZID=Asia/Shanghai')).toBe('20261126T210000')
    expect(property(event, 'SUMMARY')).toBe(`微讲堂：${session.topicTitle}`)
    expect(property(event, 'LOCATION')).toMatch(new RegExp(`^${session.guesthouse.name}\\\\, 潮州市`))
    const link = `${api.url}/#/features/lectures/pages/session/index?id=${session.id}`
    expect(property(event, 'URL')).toBe(link)
    // Text values escape what would end them early: the speaker's semicolon and comma stay part of the text.
    expect(property(event, 'DESCRIPTION')).toContain('主讲：林师傅\\; 陈老师\\, 茶艺\\n')
    expect(property(event, 'DESCRIPTION').endsWith(link)).toBe(true)
    expect(property(event, 'STATUS')).toBe('CONFIRMED')

    const english = contentLines((await api.call('GET', `/api/lectures/sessions/${session.id}.ics?lang=en`)).body)
    expect(property(component(english, 'VEVENT'), 'SUMMARY')).toBe(`Micro-lecture: ${session.topicTitleEn}`)
    expect(property(component(english, 'VEVENT'), 'DESCRIPTION')).toContain('Speaker: 林师傅')
  })

  it('says when the session was cancelled', async () => {
    const session = await newSession()
    const cancel = await api.call('POST', `/api/lectures/sessions/${session.id}/cancel`, staff, { reason: '台风' })
    expect(cancel.statusCode).toBe(200)
    const lines = contentLines((await api.call('GET', `/api/lectures/sessions/${session.id}.ics`)).body)
    expect(property(component(lines, 'VEVENT'), 'STATUS')).toBe('CANCELLED')
  })

  it('answers an unknown session with 404 and a bad language or id with 400, in the error shape', async () => {
    const unknown = await api.call('GET', '/api/lectures/sessions/ls_nope.ics')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND', messageEn: expect.any(String) })
    const session = await newSession()
    expect((await api.call('GET', `/api/lectures/sessions/${session.id}.ics?lang=fr`)).statusCode).toBe(400)
    expect((await api.call('GET', '/api/lectures/sessions/%00x.ics')).statusCode).toBe(400)
  })
})
