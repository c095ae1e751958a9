// Stations list throughput and latency beside bare Fastify, each server in its own process.
import { join } from 'node:path'
import autocannon from 'autocannon'
import { startApiProcess, startServer } from '../../tests/support/server-process'

const load = (url: string, seconds: number) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: 10, duration: seconds }, (err, result) => (err ? reject(err) : resolve(result))),
  )

export async function benchStations({ seconds = 5 } = {}) {
  const api = await startApiProcess({ NODE_ENV: 'production', AUTH_DEV_LOGIN: '0' })
  const bare = await startServer([join(__dirname, 'bare-fastify.mjs')], {}, '/bare')
  try {
    const stationsUrl = `${api.base}/api/stations?lat=23.6665&lng=116.644`
    await load(stationsUrl, 1) // warm-up: JIT and SQLite page cache
    await load(`${bare.base}/bare`, 1)
    const stations = await load(stationsUrl, seconds)
    const baseline = await load(`${bare.base}/bare`, seconds)
    if (stations.non2xx || stations.errors) throw new Error(`stations run had ${stations.non2xx} non-2xx and ${stations.errors} errors`)
    return {
      stations: { rps: stations.requests.average, p99: stations.latency.p99 },
      bare: { rps: baseline.requests.average, p99: baseline.latency.p99 },
    }
  } finally {
    await api.stop()
    await bare.stop()
  }
}
