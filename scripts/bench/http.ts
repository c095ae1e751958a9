// The station list as tourists use it, beside the physical ceiling for its payload, each server in its own process.
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { AS_BUILT, startApiProcess, startServer } from '../../tests/support/server-process'

const CONNECTIONS = 10
const ROUNDS = 5

/**
 * Every request from its own spot in the old town (about 2 km across), as real visitors send their own position:
 * nothing keyed by the URL can answer it from a cache. The sequence runs on across runs, so no URL comes twice.
 */
let sent = 0
function nextPosition() {
  sent += 1
  const lat = 23.66 + ((sent * 7919) % 20_000) / 1_000_000
  const lng = 116.635 + ((sent * 104_729) % 20_000) / 1_000_000
  return `lat=${lat.toFixed(6)}&lng=${lng.toFixed(6)}`
}

const load = (base: string, path: string, seconds: number) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ setupRequest: (request) => ({ ...request, path: `${path}?${nextPosition()}` }) }],
      },
      (err: unknown, result) =>
        err ? reject(err instanceof Error ? err : new Error('autocannon failed', { cause: err })) : resolve(result),
    ),
  )

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

export async function benchStations({ seconds = 3 } = {}) {
  // What ships: the production bundle, as the container runs it.
  execSync('npm run build:server', { cwd: join(__dirname, '../..'), stdio: 'ignore' })
  const api = await startApiProcess({ NODE_ENV: 'production', AUTH_DEV_LOGIN: '0' }, AS_BUILT)
  const dir = mkdtempSync(join(tmpdir(), 'oth-bench-'))
  const payloadFile = join(dir, 'stations.json')
  const sample = await (await fetch(`${api.base}/api/stations?lat=23.6665&lng=116.644`)).text()
  writeFileSync(payloadFile, sample)
  const bare = await startServer([join(__dirname, 'bare-fastify.mjs')], { PAYLOAD_FILE: payloadFile }, '/bare')
  try {
    await load(api.base, '/api/stations', 1) // warm-up: JIT and SQLite page cache
    await load(bare.base, '/bare', 1)
    // Alternate short runs of each and take medians: on a shared machine the speed drifts between runs, and
    // interleaving makes both servers see the same drift.
    const stationRuns: autocannon.Result[] = []
    const bareRuns: autocannon.Result[] = []
    for (let round = 0; round < ROUNDS; round++) {
      stationRuns.push(await load(api.base, '/api/stations', seconds))
      bareRuns.push(await load(bare.base, '/bare', seconds))
    }
    const failed = stationRuns.find((r) => r.non2xx || r.errors)
    if (failed) throw new Error(`stations run had ${failed.non2xx} non-2xx and ${failed.errors} errors`)
    const summary = (runs: autocannon.Result[]) => ({
      rps: median(runs.map((r) => r.requests.average)),
      p99: median(runs.map((r) => r.latency.p99)),
    })
    return {
      stations: summary(stationRuns),
      ceiling: summary(bareRuns),
      payloadBytes: Buffer.byteLength(sample),
      connections: CONNECTIONS,
    }
  } finally {
    await api.stop()
    await bare.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
