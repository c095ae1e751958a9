import { DB_KINDS } from '../../../../tests/support/databases'
import type { TestApi } from '../../../../tests/support/api'
import { lectureSuite } from '../../../../tests/support/lectures'

describe.each(DB_KINDS)('lecture attendance: check-in and feedback on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>
  const { setNow, newSession } = lectureSuite(kind, (started) => ({ api, tokens } = started))

  it('checks in only with this session’s fresh code, during the session window', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    const other = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    await api.call('POST', `/api/lectures/sessions/${other}/bookings`, tokens.ana)
    setNow('2026-11-25T11:40:00Z')
    expect((await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.ana)).statusCode).toBe(403)
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()

    const onOther = await api.call('POST', `/api/lectures/sessions/${other}/checkins`, tokens.ana, { code })
    expect(onOther.statusCode).toBe(400)
    expect(onOther.json().error.code).toBe('CHECKIN_CODE_INVALID')
    const forged = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, {
      code: code.replace(/.$/, (c: string) => (c === 'a' ? 'b' : 'a')),
    })
    expect(forged.json().error.code).toBe('CHECKIN_CODE_INVALID')

    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, { code })).json().error.code,
    ).toBe('NOT_BOOKED')
    expect((await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })).statusCode).toBe(201)
    expect((await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })).statusCode).toBe(200)

    setNow('2026-11-25T11:43:00Z')
    const stale = await api.call('POST', `/api/lectures/sessions/${other}/checkins`, tokens.ana, {
      code: (await api.call('GET', `/api/lectures/sessions/${other}/checkin-code`, tokens.staff)).json().code,
    })
    expect(stale.statusCode).toBe(201)
    setNow('2026-11-25T13:05:00Z')
    const late = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, {
      code: (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json().code,
    })
    expect(late.json().error.code).toBe('CHECKIN_CLOSED')
  })

  it('refuses a check-in code after it expires', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.cai)
    setNow('2026-11-25T11:40:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    setNow('2026-11-25T11:43:00Z')
    const res = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.cai, { code })
    expect(res.json().error.code).toBe('CHECKIN_CODE_EXPIRED')
  })

  it('takes feedback from attendees once, content-checked, and shows staff the averages and attendance CSV', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)
    setNow('2026-11-25T11:35:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.bo, { rating: 5 })).json().error.code,
    ).toBe('NOT_ATTENDED')
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, { rating: 6 })).statusCode,
    ).toBe(400)
    expect(
      (
        await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, {
          rating: 4,
          comment: '加微信带你网赌',
        })
      ).json().error.code,
    ).toBe('CONTENT_REJECTED')
    expect(
      (
        await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, {
          rating: 4,
          comment: '讲得很实在',
        })
      ).statusCode,
    ).toBe(201)
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, { rating: 1 })).statusCode,
    ).toBe(409)
    const summary = (await api.call('GET', '/api/lectures/feedback/summary', tokens.staff)).json()
    expect(summary.byTopic.find((t: { topicId: string }) => t.topicId === 'tp_tea')).toMatchObject({
      count: 1,
      average: 4,
    })
    expect(summary.bySpeaker).toEqual([{ speaker: '林师傅', average: 4, count: 1 }])

    const csv = await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.staff)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.body).toMatch(/ana,confirmed,,2026-11-25T11:35:00.000Z,否 no\r\n/)
    expect(csv.body).toMatch(/bo,confirmed,,,\r\n/)
    expect((await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.ana)).statusCode).toBe(403)
  })

  it('tells the attendee when check-in opens, that they checked in and that their feedback is in, on every later visit', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    const booked = await api.call('POST', `/api/lectures/sessions/${id}/bookings?lat=23.665&lng=116.6475`, tokens.ana)
    expect(booked.json().session).toMatchObject({
      id,
      seatsLeft: 4,
      checkInOpensAt: '2026-11-25T11:00:00.000Z',
      checkInClosesAt: '2026-11-25T13:00:00.000Z',
      myBooking: { status: 'confirmed', checkedIn: false, feedbackGiven: false },
    })
    expect(booked.json().session.guesthouse.distanceM).toEqual(expect.any(Number))
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)
    const cancelled = (await api.call('DELETE', `/api/lectures/sessions/${id}/bookings/me`, tokens.bo)).json()
    expect(cancelled.booking.status).toBe('cancelled')
    expect(cancelled.session).toMatchObject({ seatsLeft: 4, myBooking: null })

    setNow('2026-11-25T11:40:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    const checkedIn = (await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })).json()
    expect(checkedIn.session.myBooking).toMatchObject({ checkedIn: true, feedbackGiven: false })
    expect((await api.call('GET', `/api/lectures/sessions/${id}`, tokens.ana)).json().session.myBooking).toMatchObject({
      checkedIn: true,
      feedbackGiven: false,
    })

    const feedback = (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, { rating: 5 })).json()
    expect(feedback).toMatchObject({ rating: 5, session: { myBooking: { checkedIn: true, feedbackGiven: true } } })
    expect((await api.call('GET', `/api/lectures/sessions/${id}`, tokens.ana)).json().session.myBooking).toMatchObject({
      checkedIn: true,
      feedbackGiven: true,
    })
  })

  it('writes an attendance CSV in which no nickname starts a formula', async () => {
    const id = await newSession(5)
    const tricky = ['=HYPERLINK("http://evil.example","x")', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd']
    for (const [index, nickname] of tricky.entries()) {
      const { token, user } = await api.signIn(`csv-${index}`, 'resident')
      // As a WeChat profile could name them: the dev login trims and limits what it takes.
      await api.database.db.updateTable('users').set({ nickname }).where('id', '=', user.id).execute()
      expect(
        (
          await api.app.inject({
            method: 'POST',
            url: `/api/lectures/sessions/${id}/bookings`,
            headers: { authorization: `Bearer ${token}` },
          })
        ).statusCode,
      ).toBe(201)
    }
    const csv = (await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.staff)).body
    const firstCells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.replace(/^"/, ''))
    expect(firstCells).toHaveLength(tricky.length)
    for (const line of firstCells) expect(line.startsWith("'")).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")",confirmed`)
  })

  it('binds a check-in to presence: near is verified, 2 km away is refused, no position counts but unverified', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    for (const who of ['ana', 'bo', 'cai']) await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens[who])
    setNow('2026-11-25T11:40:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    // gh_jiadi is at 23.66472, 116.64731.
    const near = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, {
      code,
      lat: 23.665,
      lng: 116.6475,
    })
    expect(near.statusCode).toBe(201)
    expect(near.json().locationVerified).toBe(true)
    const far = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, {
      code,
      lat: 23.6827,
      lng: 116.6473,
    })
    expect(far.statusCode).toBe(403)
    expect(far.json().error).toMatchObject({
      code: 'TOO_FAR_TO_CHECK_IN',
      message: expect.stringContaining('米'),
      messageEn: expect.stringContaining('m from the venue'),
    })
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, { code, lat: 23.665 })).statusCode,
    ).toBe(400)
    const unlocated = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.cai, { code })
    expect(unlocated.statusCode).toBe(201)
    expect(unlocated.json().locationVerified).toBe(false)

    const list = (await api.call('GET', `/api/lectures/sessions/${id}/attendance`, tokens.staff)).json().items
    const byName = Object.fromEntries(list.map((r: { nickname: string }) => [r.nickname, r]))
    expect(byName.ana).toMatchObject({ checkedInAt: '2026-11-25T11:40:00.000Z', locationVerified: true })
    expect(byName.bo).toMatchObject({ checkedInAt: null, locationVerified: false })
    expect(byName.cai).toMatchObject({ checkedInAt: '2026-11-25T11:40:00.000Z', locationVerified: false })
    const csv = (await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.staff)).body
    expect(csv).toContain('ana,confirmed,,2026-11-25T11:40:00.000Z,是 yes\r\n')
    expect(csv).toContain('cai,confirmed,,2026-11-25T11:40:00.000Z,否 no\r\n')
  })
})
