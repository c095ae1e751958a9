import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { freePort } from '../../tests/support/postgres'

const root = join(__dirname, '../..')

async function waitFor(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

export interface RunningServer {
  base: string
  stop(): void
}

/** Starts a server in its own process, so the load generator does not share its event loop. */
export async function startServer(args: string[], env: Record<string, string>, readyPath: string): Promise<RunningServer> {
  const port = await freePort()
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'inherit' })
  const base = `http://127.0.0.1:${port}`
  await waitFor(base + readyPath)
  return { base, stop: () => child.kill('SIGTERM') }
}

export const startApi = (env: Record<string, string>) =>
  startServer([join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/src/main.ts'], { LOG_LEVEL: 'silent', NOTICE_INTERVAL_MS: '0', ...env }, '/api/health')
