// 1000 people book a 30-seat session at the same moment; the time it takes and the seat invariant.
import { request } from 'node:http'
import { startApiProcess } from '../../tests/support/server-process'

const PEOPLE = 1000
const SEATS = 30

/** One request on its own connection, as each of a thousand phones would open. */
export function post(
  url: string,
  token?: string,
  body?: object,
): Promise<{ status: number; body: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(body && { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(body ? JSON.stringify(body) : undefined)
  })
}

export async function bookingStorm(kind: 'sqlite' | 'postgres', databaseUrl?: string) {
  const api = await startApiProcess(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
  try {
    const staff = (await post(`${api.base}/api/auth/dev`, undefined, { openid: 'storm-staff', role: 'staff' })).body
      .token as string
    const startsAt = new Date(Date.now() + 86_400_000)
    const session = (
      await post(`${api.base}/api/lectures/sessions`, staff, {
        topicId: 'tp_antifraud',
        guesthouseId: 'gh_yixing',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 5_400_000).toISOString(),
        capacity: SEATS,
      })
    ).body.session
    const tokens: string[] = []
    for (let i = 0; i < PEOPLE; i++)
      tokens.push((await post(`${api.base}/api/auth/dev`, undefined, { openid: `storm-${i}` })).body.token)

    const started = performance.now()
    const results = await Promise.all(
      tokens.map((t) => post(`${api.base}/api/lectures/sessions/${session.id}/bookings`, t)),
    )
    const seconds = (performance.now() - started) / 1000

    const confirmed = results.filter((r) => r.body.booking?.status === 'confirmed').length
    const positions = results
      .map((r) => r.body.booking?.position as number | undefined)
      .filter((p): p is number => p !== undefined)
      .sort((a, b) => a - b)
    const gapless = positions.length === PEOPLE - SEATS && positions.every((p, i) => p === i + 1)
    const final = (await (await fetch(`${api.base}/api/lectures/sessions/${session.id}`)).json()) as {
      session: { confirmedCount: number; waitlistCount: number }
    }
    const ok =
      results.every((r) => r.status === 201) && confirmed === SEATS && gapless && final.session.confirmedCount === SEATS
    return { kind, seconds, confirmed, waitlisted: final.session.waitlistCount, ok }
  } finally {
    await api.stop()
  }
}
