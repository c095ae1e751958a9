// Stations list throughput and latency beside bare Fastify, each server in its own process.
import { join } from 'node:path'
import autocannon from 'autocannon'
import { startApiProcess, startServer } from '../../tests/support/server-process'

const load = (url: string, seconds: number) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: 10, duration: seconds }, (err, result) => (err ? reject(err) : resolve(result))),
  )

const ROUNDS = 5
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

export async function benchStations({ seconds = 3 } = {}) {
  const api = await startApiProcess({ NODE_ENV: 'production', AUTH_DEV_LOGIN: '0' })
  const bare = await startServer([join(__dirname, 'bare-fastify.mjs')], {}, '/bare')
  try {
    const stationsUrl = `${api.base}/api/stations?lat=23.6665&lng=116.644`
    await load(stationsUrl, 1) // warm-up: JIT and SQLite page cache
    await load(`${bare.base}/bare`, 1)
    // Alternate short runs of each and take medians: this machine's speed drifts between runs.
    const stationRuns: autocannon.Result[] = []
    const bareRuns: autocannon.Result[] = []
    for (let round = 0; round < ROUNDS; round++) {
      stationRuns.push(await load(stationsUrl, seconds))
      bareRuns.push(await load(`${bare.base}/bare`, seconds))
    }
    const failed = stationRuns.find((r) => r.non2xx || r.errors)
    if (failed) throw new Error(`stations run had ${failed.non2xx} non-2xx and ${failed.errors} errors`)
    return {
      stations: { rps: median(stationRuns.map((r) => r.requests.average)), p99: Math.max(...stationRuns.map((r) => r.latency.p99)) },
      bare: { rps: median(bareRuns.map((r) => r.requests.average)), p99: Math.max(...bareRuns.map((r) => r.latency.p99)) },
    }
  } finally {
    await api.stop()
    await bare.stop()
  }
}
