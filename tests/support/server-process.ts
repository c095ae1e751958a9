import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './postgres'

const root = join(__dirname, '../..')

/**
 * Request-rate limits and the bound on connections per address out of the way: suites and benches fire thousands of
 * requests from one address, hundreds at once (booking storms, 100 parallel claims). The limits themselves are tested
 * with low values in shared/rate-limits.test.ts and tests/faults/slow-clients.test.ts.
 */
export const UNLIMITED_RATES = {
  RATE_LOGIN_MAX: '1000000',
  RATE_WRITE_MAX: '1000000',
  RATE_GLOBAL_MAX: '1000000',
  HTTP_CONNECTIONS_PER_ADDRESS: '0',
}

/** True once `url` answers 2xx (node:http, so it also works inside jsdom test files, which have no fetch). */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume()
      resolve((res.statusCode ?? 500) < 300)
    })
    req.on('error', () => resolve(false))
  })
}

// Generous: three instances compiling their sources at once on a busy 2-core machine took over 30 s in a CI run.
async function waitFor(url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await answers(url))) {
    if (Date.now() > deadline) throw new Error(`${url} did not come up`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

export interface RunningServer {
  base: string
  /** The process id, for what `/proc` tells about it (CPU time, memory). */
  pid: number
  /** The exit code once the process has ended on its own; undefined while it runs. */
  exitCode(): number | null | undefined
  /** SIGTERM, then the exit code once the process is gone. */
  stop(): Promise<number | null>
}

/** Starts a server in its own process, so the tests or the load generator do not share its event loop. */
export async function startServer(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
): Promise<RunningServer> {
  const port = await freePort()
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let exitCode: number | null | undefined
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code
      resolve(code)
    }),
  )
  const base = `http://127.0.0.1:${port}`
  await waitFor(base + readyPath)
  return {
    base,
    pid: child.pid!,
    exitCode: () => exitCode,
    async stop() {
      child.kill('SIGTERM')
      return exited
    },
  }
}

/** The API from its sources, compiled as it loads. */
const FROM_SOURCES = [join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/src/main.ts']
/** The API as the container runs it: the one file `npm run build:server` writes (build it first). */
export const AS_BUILT = ['dist/server/main.js']

/**
 * The real API in its own process on a fresh SQLite file with demo data and dev login, optionally serving a build
 * of the app at `/`.
 */
export async function startApiProcess(
  env: Record<string, string> = {},
  command: string[] = FROM_SOURCES,
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'oth-api-'))
  const server = await startServer(
    command,
    {
      DATABASE_URL: `sqlite:${join(dir, 'api.db')}`,
      SEED_DEMO: '1',
      AUTH_DEV_LOGIN: '1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      NOTICE_INTERVAL_MS: '0',
      ...UNLIMITED_RATES,
      ...env,
    },
    '/api/health',
  )
  return {
    base: server.base,
    pid: server.pid,
    exitCode: server.exitCode,
    async stop() {
      const code = await server.stop()
      rmSync(dir, { recursive: true, force: true })
      return code
    },
  }
}
