// `npm run bench`: measures the budgets the issues set and prints them; exits 1 when one is missed.
import { join } from 'node:path'
import { createTestDatabase } from '../tests/support/databases'
import { startPostgres } from '../tests/support/postgres'
import { formatFigure, RENDER_BUDGETS, type RenderBudget, type RenderFigure } from '../tests/weapp/render-budgets'
import { bookingStorm } from './bench/booking-storm'
import { signupStorm } from './bench/signup-storm'
import { coldHomeLoad } from './bench/h5-load'
import { benchStations } from './bench/http'
import { BENCHED_KINDS, benchSheetImport, type BenchedKindName } from './bench/sheets'
import { weappRenders } from './bench/renders'
import { weappSizes } from './bench/sizes'
import { benchUploads } from './bench/uploads'
import { ensureTaroBuild } from './taro-build'

const root = join(__dirname, '..')
const KB = 1024
const rows: { what: string; value: string; budget: string; ok: boolean }[] = []
const check = (what: string, value: string, budget: string, ok: boolean) => rows.push({ what, value, budget, ok })
/** BENCH_ONLY=sheets,storm (any of weapp, h5, http, uploads, storm, signups, sheets) measures only those sections. */
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
const runs = (section: string) => !only || only.includes(section)

async function main() {
  if (runs('weapp')) await weappFigures()
  if (runs('h5')) await h5Figures()
  if (runs('http')) await httpFigures()
  if (runs('uploads')) await uploadFigures()
  if (runs('storm') || runs('signups') || runs('sheets')) await databaseFigures()

  const width = Math.max(...rows.map((r) => r.what.length))
  console.log('\nOld Town Hub — bench (loopback, 2 cores)\n')
  for (const r of rows) {
    console.log(
      `${r.what.padEnd(width)}  ${r.value.padStart(12)}  ${r.budget.padEnd(18)} ${r.budget ? (r.ok ? 'ok' : 'OVER BUDGET') : ''}`,
    )
  }
  process.exit(rows.every((r) => r.ok) ? 0 : 1)
}

async function weappFigures() {
  ensureTaroBuild('weapp')
  const sizes = await weappSizes(join(root, 'dist/weapp'))
  check('weapp main package', `${(sizes.main / KB).toFixed(1)} KB`, '≤ 500 KB', sizes.main <= 500 * KB)
  for (const [name, bytes] of sizes.subpackages)
    check(`  subpackage ${name}`, `${(bytes / KB).toFixed(1)} KB`, '', true)
  check('weapp total', `${(sizes.total / KB).toFixed(1)} KB`, '≤ 2048 KB', sizes.total <= 2048 * KB)

  // setData sizes at the busier town, as the render audit suite measures and asserts them.
  const renders = weappRenders()
  for (const key of Object.keys(RENDER_BUDGETS) as RenderFigure[]) {
    const value = renders.figures[key]
    const { what, max } = RENDER_BUDGETS[key] as RenderBudget
    const row = what.startsWith(' ') ? what : `weapp ${what}`
    if (value === undefined) check(row, 'not measured', '', false)
    else {
      const shown = formatFigure(key, value)
      check(row, shown.value, shown.budget, max === undefined || value <= max)
    }
  }
  check('weapp render audit suite', renders.passed ? 'passed' : 'FAILED', 'passes', renders.passed)
}

async function h5Figures() {
  const home = await coldHomeLoad()
  const compressed = home.files.filter((f) => f.encoding).length
  check(
    `H5 Home, cold, until the first station card (${home.files.length} requests, ${compressed} precompressed)`,
    `${(home.bytes / KB).toFixed(1)} KB`,
    '≤ 300 KB',
    home.bytes <= 300 * KB,
  )
}

async function httpFigures() {
  const http = await benchStations({ seconds: Number(process.env.BENCH_SECONDS ?? 3) })
  const share = http.stations.rps / http.ceiling.rps
  const each = `${http.connections} connections, a new position each request`
  check(`GET /api/stations req/s (${each})`, `${Math.round(http.stations.rps)}`, '', true)
  check(
    `  plain Fastify, same ${(http.payloadBytes / KB).toFixed(1)} KB object (interleaved)`,
    `${Math.round(http.ceiling.rps)}`,
    '',
    true,
  )
  check('  stations / ceiling', `${(share * 100).toFixed(0)} %`, '≥ 70 %', share >= 0.7)
  check('  stations p99 (median of 5 runs)', `${http.stations.p99} ms`, '≤ 10 ms', http.stations.p99 <= 10)
  check('  ceiling p99', `${http.ceiling.p99} ms`, '', true)
}

async function uploadFigures() {
  const uploads = await benchUploads()
  for (const cost of uploads.costs) {
    check(
      `upload: ${cost.what} (${(cost.bytes / KB).toFixed(0)} KB)`,
      `${cost.cpu.toFixed(2)} s CPU, ${cost.status}`,
      `≤ 2 s, ${cost.expected}`,
      cost.cpu <= 2 && cost.status === cost.expected,
    )
  }
  check('  API RSS after start and one photo', `${uploads.rssBefore.toFixed(0)} MB`, '', true)
  for (const burst of uploads.bursts) {
    const stored = burst.statuses.every((status) => status === 201)
    check(`upload: ${burst.what} at once, RSS peak`, `${burst.rssPeak.toFixed(0)} MB`, '', stored)
    check('  RSS idle 10 s later', `${burst.rssIdle.toFixed(0)} MB`, '< 400 MB', burst.rssIdle < 400)
    const list = `${burst.listMedianMs.toFixed(0)} / ${burst.listMaxMs.toFixed(0)} ms`
    check('  meanwhile GET /api/stations every 50 ms, median / max', list, '', true)
  }
}

async function databaseFigures() {
  const cluster = await startPostgres()
  process.env.OTH_TEST_PG_ADMIN_URL = cluster.adminUrl
  try {
    for (const kind of ['sqlite', 'postgres'] as const) {
      if (runs('storm')) await stormFigures(kind)
      if (runs('signups')) await signupFigures(kind)
      if (runs('sheets')) await sheetFigures(kind)
    }
  } finally {
    cluster.stop()
  }
}

async function stormFigures(kind: 'sqlite' | 'postgres') {
  const storm = await bookingStorm(kind, kind === 'postgres' ? (await createTestDatabase('postgres')).url : undefined)
  check(
    `booking storm on ${kind}: 1000 requests, 30 seats`,
    `${storm.seconds.toFixed(2)} s`,
    '< 3 s, exactly 30',
    storm.ok && storm.seconds < 3,
  )
  check(`  confirmed / waitlisted`, `${storm.confirmed} / ${storm.waitlisted}`, '', storm.ok)
}

async function signupFigures(kind: 'sqlite' | 'postgres') {
  const signups = await signupStorm(kind, kind === 'postgres' ? (await createTestDatabase('postgres')).url : undefined)
  check(
    `volunteer sign-ups on ${kind}: 500 requests, 20 places`,
    `${signups.seconds.toFixed(2)} s`,
    '< 3 s, exactly 20',
    signups.ok && signups.seconds < 3,
  )
  check(`  confirmed / waitlisted`, `${signups.confirmed} / ${signups.waitlisted}`, '', signups.ok)
}

async function sheetFigures(kind: 'sqlite' | 'postgres') {
  for (const sheetKind of Object.keys(BENCHED_KINDS) as BenchedKindName[]) {
    const url = kind === 'postgres' ? (await createTestDatabase('postgres')).url : undefined
    const sheet = await benchSheetImport(sheetKind, url)
    // The budgets are for stations; the other kinds are measured against the same numbers.
    const what = `sheet import on ${kind}: ${sheet.rows} ${sheetKind} rows (${(sheet.bytes / KB).toFixed(0)} KB CSV)`
    check(
      `${what}, preview`,
      `${sheet.preview.seconds.toFixed(2)} s`,
      '≤ 5 s',
      sheet.preview.ok && sheet.preview.seconds <= 5,
    )
    check(
      '  apply',
      `${sheet.apply.seconds.toFixed(2)} s`,
      '≤ 10 s, all created',
      sheet.apply.ok && sheet.apply.seconds <= 10,
    )
    check(
      '  apply again, one field of every row changed',
      `${sheet.update.seconds.toFixed(2)} s`,
      '≤ 10 s, all updated',
      sheet.update.ok && sheet.update.seconds <= 10,
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
