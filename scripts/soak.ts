// `npm run soak`: the production bundle on a throwaway PostgreSQL under mixed reads and writes for SOAK_MINUTES
// (default 10): requests, errors (goal 0), latency percentiles and the API process's RSS at start and end.
import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { startPostgres } from '../tests/support/postgres'
import { AS_BUILT, startApiProcess, type RunningServer } from '../tests/support/server-process'

const root = join(__dirname, '..')
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10)
/** People using the app at once, each waiting THINK_MS between requests, as a person taps through pages. */
const PEOPLE = Number(process.env.SOAK_PEOPLE ?? 16)
const THINK_MS = 100
const RSS_EVERY_MS = 10_000

interface Person {
  token: string
  booked: Set<string>
  wishes: number
}

type Outcome = { kind: string; status: number; ms: number }

/** The API process's resident set, from /proc (Linux), in MB. */
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0

async function call(api: RunningServer, method: string, path: string, token?: string, body?: object | Buffer) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {}
  if (Buffer.isBuffer(body)) headers['content-type'] = 'image/jpeg'
  else if (body) headers['content-type'] = 'application/json'
  const reply = await fetch(api.base + path, {
    method,
    headers,
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  })
  const text = await reply.text()
  return { status: reply.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : null }
}

async function main() {
  execSync('npm run build:server', { cwd: root, stdio: 'ignore' })
  const cluster = await startPostgres()
  // The bundle the container runs; dev login to make the cast, and quotas high enough that the writes are written.
  const api = await startApiProcess(
    {
      DATABASE_URL: cluster.adminUrl,
      NOTICE_INTERVAL_MS: '1000',
      QUOTA_WISHES_OPEN: '1000000',
      QUOTA_WISHES_PER_DAY: '1000000',
      QUOTA_REPORTS_PER_HOUR: '1000000',
      QUOTA_UPLOADS_PER_DAY: '1000000',
    },
    AS_BUILT,
  )
  try {
    const people: Person[] = []
    for (let i = 0; i < PEOPLE; i++) {
      const role = i % 2 === 0 ? 'resident' : 'member'
      const signIn = await call(api, 'POST', '/api/auth/dev', undefined, { openid: `soak-${i}`, role })
      people.push({ token: signIn.body!.token as string, booked: new Set(), wishes: 0 })
    }
    const sessions = ((await call(api, 'GET', '/api/lectures/sessions?limit=100')).body!.items as { id: string }[]).map(
      (s) => s.id,
    )
    const stations = ((await call(api, 'GET', '/api/stations?limit=50')).body!.items as { id: string }[]).map(
      (s) => s.id,
    )
    // A photo as the app sends one after WeChat's compression (800×600, blocks of noise so it does not shrink to nothing).
    const photo = await sharp(Buffer.from(Array.from({ length: 200 * 150 * 3 }, (_, i) => (i * 7919) % 251)), {
      raw: { width: 200, height: 150, channels: 3 },
    })
      .resize(800, 600, { kernel: 'nearest' })
      .jpeg({ quality: 85 })
      .toBuffer()

    let turn = 0
    const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!
    const position = () =>
      `lat=${(23.66 + (turn % 200) / 10_000).toFixed(5)}&lng=${(116.635 + (turn % 150) / 10_000).toFixed(5)}`
    /** One person's next request, as a mix of what people do: mostly reading, about a third writing. */
    const actions: [weight: number, kind: string, act: (person: Person) => Promise<{ status: number }>][] = [
      [20, 'stations', () => call(api, 'GET', `/api/stations?${position()}`)],
      [6, 'station', () => call(api, 'GET', `/api/stations/${pick(stations)}`)],
      [8, 'sessions', (p) => call(api, 'GET', '/api/lectures/sessions', p.token)],
      [8, 'wish wall', () => call(api, 'GET', '/api/wishes')],
      [5, 'my bookings', (p) => call(api, 'GET', '/api/me/bookings', p.token)],
      [5, 'inbox', (p) => call(api, 'GET', '/api/me/notices', p.token)],
      [
        12,
        'book',
        async (p) => {
          const session = pick(sessions)
          const reply = await call(api, 'POST', `/api/lectures/sessions/${session}/bookings`, p.token)
          if (reply.status < 300) p.booked.add(session)
          return reply
        },
      ],
      [
        6,
        'cancel',
        async (p) => {
          const session = [...p.booked][0]
          if (!session) return call(api, 'GET', '/api/me/bookings', p.token)
          p.booked.delete(session)
          return call(api, 'DELETE', `/api/lectures/sessions/${session}/bookings/me`, p.token)
        },
      ],
      [
        4,
        'wish',
        async (p) => {
          p.wishes += 1
          return call(api, 'POST', '/api/wishes', p.token, {
            category: 'life_help',
            title: `帮忙换灯泡 ${p.wishes}`,
            description: '家里厨房的灯坏了，老人够不着，想请人帮忙换一下。',
            communityId: 'cm_paifang',
          })
        },
      ],
      [
        3,
        'report',
        (p) =>
          call(api, 'POST', `/api/stations/${pick(stations)}/reports`, p.token, {
            category: 'no_hot_water',
            text: '热水器没有热水',
          }),
      ],
      [1, 'upload', (p) => call(api, 'POST', '/api/uploads', p.token, photo)],
    ]
    const totalWeight = actions.reduce((sum, [weight]) => sum + weight, 0)
    const nextAction = () => {
      let draw = Math.random() * totalWeight
      for (const action of actions) {
        draw -= action[0]
        if (draw < 0) return action
      }
      return actions[0]!
    }

    const outcomes: Outcome[] = []
    const failures = new Map<string, number>()
    // RSS every RSS_EVERY_MS; "start" is after the first minute, once the JIT, caches and pools have warmed up.
    const rss: number[] = [rssOf(api.pid)]
    const sampler = setInterval(() => rss.push(rssOf(api.pid)), RSS_EVERY_MS)
    const warmSample = Math.min(60_000, MINUTES * 30_000) / RSS_EVERY_MS
    const endsAt = Date.now() + MINUTES * 60_000
    console.log(`soak: ${PEOPLE} people for ${MINUTES} min on PostgreSQL, RSS at start ${rss[0]!.toFixed(0)} MB`)

    const live = async (person: Person) => {
      while (Date.now() < endsAt) {
        turn += 1
        const [, kind, act] = nextAction()
        const started = performance.now()
        let status: number
        try {
          status = (await act(person)).status
        } catch {
          status = -1
        }
        outcomes.push({ kind, status, ms: performance.now() - started })
        // Refusals the API owes nobody here (quotas are raised, every request is well formed): anything but 2xx.
        if (status < 200 || status >= 300)
          failures.set(`${kind} ${status}`, (failures.get(`${kind} ${status}`) ?? 0) + 1)
        await new Promise((resolve) => setTimeout(resolve, THINK_MS))
      }
    }
    await Promise.all(people.map(live))
    clearInterval(sampler)
    rss.push(rssOf(api.pid))

    const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b)
    const errors = [...failures.values()].reduce((sum, n) => sum + n, 0)
    console.log(`\nOld Town Hub — soak (${MINUTES} min, production bundle on PostgreSQL)\n`)
    console.log(`requests          ${outcomes.length} (${(outcomes.length / (MINUTES * 60)).toFixed(0)}/s)`)
    console.log(
      `errors            ${errors}${errors ? ` (${[...failures].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`,
    )
    console.log(
      `latency p50 / p99 ${percentile(latencies, 0.5).toFixed(1)} / ${percentile(latencies, 0.99).toFixed(1)} ms`,
    )
    console.log(`max               ${latencies.at(-1)?.toFixed(0)} ms`)
    const warm = rss[Math.min(Math.round(warmSample), rss.length - 1)]!
    const idle = rss[0]!.toFixed(0)
    console.log(
      `RSS start / end   ${warm.toFixed(0)} / ${rss.at(-1)!.toFixed(0)} MB after warm-up ` +
        `(${idle} MB idle before; max ${Math.max(...rss).toFixed(0)})`,
    )
    for (const [, kind] of actions) {
      const mine = outcomes
        .filter((o) => o.kind === kind)
        .map((o) => o.ms)
        .sort((a, b) => a - b)
      console.log(
        `  ${kind.padEnd(12)} ${String(mine.length).padStart(7)}  p99 ${percentile(mine, 0.99).toFixed(1)} ms`,
      )
    }
    process.exitCode = errors === 0 && api.exitCode() === undefined ? 0 : 1
  } finally {
    await api.stop()
    cluster.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
