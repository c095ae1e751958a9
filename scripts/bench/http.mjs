// Stations list throughput and latency beside bare Fastify, each server in its own process.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'

const root = join(import.meta.dirname, '../..')

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitFor(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

async function startProcess(args, env, readyPath) {
  const port = await freePort()
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'inherit' })
  const base = `http://127.0.0.1:${port}`
  await waitFor(base + readyPath)
  return { base, stop: () => child.kill('SIGTERM') }
}

const load = (url, seconds) =>
  new Promise((resolve, reject) =>
    autocannon({ url, connections: 10, duration: seconds }, (err, result) => (err ? reject(err) : resolve(result))),
  )

export async function benchStations({ seconds = 5 } = {}) {
  const api = await startProcess(
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/src/main.ts'],
    {
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'oth-bench-')), 'bench.db')}`,
      SEED_DEMO: '1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
    },
    '/api/health',
  )
  const bare = await startProcess([join(import.meta.dirname, 'bare-fastify.mjs')], {}, '/bare')
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
    api.stop()
    bare.stop()
  }
}
