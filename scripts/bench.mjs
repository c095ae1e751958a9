// `npm run bench`: measures the budgets the issues set and prints them; exits 1 when one is missed.
import { join } from 'node:path'
import { benchStations } from './bench/http.mjs'
import { weappSizes } from './bench/sizes.mjs'
import { ensureTaroBuild } from './taro-build.mjs'

const root = join(import.meta.dirname, '..')
const KB = 1024
const rows = []
const check = (what, value, budget, ok) => rows.push({ what, value, budget, ok })

ensureTaroBuild('weapp')
const sizes = await weappSizes(join(root, 'dist/weapp'))
check('weapp main package', `${(sizes.main / KB).toFixed(1)} KB`, '≤ 500 KB', sizes.main <= 500 * KB)
for (const [name, bytes] of sizes.subpackages) check(`  subpackage ${name}`, `${(bytes / KB).toFixed(1)} KB`, '', true)
check('weapp total', `${(sizes.total / KB).toFixed(1)} KB`, '≤ 2048 KB', sizes.total <= 2048 * KB)

const http = await benchStations({ seconds: Number(process.env.BENCH_SECONDS ?? 5) })
const ratio = http.stations.rps / http.bare.rps
check('GET /api/stations (SQLite, nearest first) p99', `${http.stations.p99} ms`, '≤ 20 ms', http.stations.p99 <= 20)
check('GET /api/stations req/s', `${Math.round(http.stations.rps)}`, '', true)
check('bare Fastify req/s (same run)', `${Math.round(http.bare.rps)}`, '', true)
check('stations / bare Fastify', `${(ratio * 100).toFixed(0)} %`, '≥ 40 %', ratio >= 0.4)

const width = Math.max(...rows.map((r) => r.what.length))
console.log('\nOld Town Hub — bench (10 connections, loopback)\n')
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value.padStart(10)}  ${r.budget.padEnd(10)} ${r.budget ? (r.ok ? 'ok' : 'OVER BUDGET') : ''}`)
process.exit(rows.every((r) => r.ok) ? 0 : 1)
