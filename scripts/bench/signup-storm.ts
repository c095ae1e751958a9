// 500 verified members sign up for a 20-place volunteer activity at the same moment; the time and the place invariant.
import { startApiProcess } from '../../tests/support/server-process'
import { post } from './booking-storm'

const PEOPLE = 500
const PLACES = 20

export async function signupStorm(kind: 'sqlite' | 'postgres', databaseUrl?: string) {
  const api = await startApiProcess(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
  try {
    const staff = (await post(`${api.base}/api/auth/dev`, undefined, { openid: 'signups-staff', role: 'staff' })).body
      .token as string
    const startsAt = new Date(Date.now() + 86_400_000)
    const activity = (
      await post(`${api.base}/api/activities`, staff, {
        title: '古城环境卫生整治',
        kind: 'cleanup',
        description: '清理巷道杂物。',
        communityId: 'cm_paifang',
        address: '牌坊街入口',
        lat: 23.667,
        lng: 116.645,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
        volunteersNeeded: PLACES,
      })
    ).body.activity
    const tokens: string[] = []
    for (let i = 0; i < PEOPLE; i++) {
      const body = { openid: `signups-${i}`, role: 'member', communityId: 'cm_paifang' }
      tokens.push((await post(`${api.base}/api/auth/dev`, undefined, body)).body.token)
    }

    const started = performance.now()
    const results = await Promise.all(tokens.map((t) => post(`${api.base}/api/activities/${activity.id}/signups`, t)))
    const seconds = (performance.now() - started) / 1000

    const confirmed = results.filter((r) => r.body.status === 'confirmed').length
    const positions = results
      .map((r) => r.body.position as number | null | undefined)
      .filter((p): p is number => typeof p === 'number')
      .sort((a, b) => a - b)
    const gapless = positions.length === PEOPLE - PLACES && positions.every((p, i) => p === i + 1)
    const final = (await (await fetch(`${api.base}/api/activities/${activity.id}`)).json()) as {
      activity: { confirmedCount: number; waitlistCount: number }
    }
    const ok =
      results.every((r) => r.status === 201) &&
      confirmed === PLACES &&
      gapless &&
      final.activity.confirmedCount === PLACES
    return { kind, seconds, confirmed, waitlisted: final.activity.waitlistCount, ok }
  } finally {
    await api.stop()
  }
}
