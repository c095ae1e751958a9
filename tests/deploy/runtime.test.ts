import { execSync, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureTaroBuild } from '../../scripts/taro-build'
import { argsOf, envOf, readDockerfile, type Stage } from '../support/dockerfile'
import { freePort, startPostgres, type PostgresCluster } from '../support/postgres'

const root = join(__dirname, '../..')
const stages = readDockerfile()
const stage = (name: string) => stages.find((s) => s.name === name) as Stage
const runtime = stages.at(-1) as Stage
const cloudConfig = JSON.parse(readFileSync(join(root, 'container.config.json'), 'utf8')) as {
  containerPort: number
  dockerfilePath: string
  readinessPath: string
}

/**
 * The image without Docker: the build stage's commands in this checkout, the deps stage's in an empty folder, the
 * runtime stage's files copied there and its ENV and CMD started. The runtime stage's own RUN (setcap for port 80)
 * needs root inside the image and is the one line not run here.
 */
describe('the production image, run by hand', () => {
  let folder: string
  let database: PostgresCluster
  let server: ChildProcess
  let exited: Promise<number | null>
  let base: string

  beforeAll(async () => {
    for (const command of argsOf(stage('build'), 'RUN')) {
      if (command.startsWith('npm ci')) continue // this checkout is installed already
      if (command === 'npm run build:h5')
        ensureTaroBuild('h5') // reused when the app's sources have not changed
      else execSync(command, { cwd: root, stdio: 'pipe' })
    }
    folder = mkdtempSync(join(tmpdir(), 'oth-image-'))
    const copy = (from: string, args: string) => {
      const paths = args.replace(/^--from=\S+ /, '').split(' ')
      for (const path of paths.slice(0, -1))
        cpSync(join(from, path.replace(/^\/app\//, '')), join(folder, path.replace(/^\/app\//, '')), {
          recursive: true,
        })
    }
    for (const args of argsOf(stage('deps'), 'COPY')) copy(root, args)
    for (const command of argsOf(stage('deps'), 'RUN')) execSync(command, { cwd: folder, stdio: 'pipe' })
    for (const args of argsOf(runtime, 'COPY')) {
      if (args.startsWith('--from=build')) copy(root, args)
      else if (!args.startsWith('--from=deps')) copy(root, args) // the deps stage ran in this very folder
    }

    database = await startPostgres()
    const [command = '', ...args] = JSON.parse(argsOf(runtime, 'CMD')[0] ?? '[]') as string[]
    const port = await freePort()
    server = spawn(command, args, {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        ...envOf(runtime),
        PORT: String(port),
        DATABASE_URL: database.adminUrl,
        AUTH_MODE: 'cloud',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)))
    base = `http://127.0.0.1:${port}`
    for (let i = 0; i < 200; i++) {
      if (
        await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break
      await new Promise((r) => setTimeout(r, 150))
    }
  }, 15 * 60_000)

  afterAll(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL')
    database?.stop()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  it('is the image Cloud Hosting is told about: port 80, production, the compiled server', () => {
    expect(cloudConfig).toMatchObject({ containerPort: Number(envOf(runtime).PORT), dockerfilePath: 'Dockerfile' })
    expect(envOf(runtime)).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '80' })
    expect(JSON.parse(argsOf(runtime, 'CMD')[0] ?? '')).toEqual(['node', 'dist/server/main.js'])
    expect(argsOf(runtime, 'USER')).toEqual(['node'])
    expect(argsOf(runtime, 'HEALTHCHECK')[0]).toContain('/api/health')
  })

  it('runs with production dependencies only: no TypeScript tooling in the folder', () => {
    for (const tool of ['tsx', 'typescript', 'esbuild'])
      expect(existsSync(join(folder, 'node_modules', tool))).toBe(false)
  })

  it('is live and ready on PostgreSQL, serves the H5 app, and offers no dev login', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(200)
    const ready = await fetch(base + cloudConfig.readinessPath)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ ok: true })
    const home = await fetch(`${base}/`)
    expect(home.headers.get('content-type')).toContain('text/html')
    expect(await home.text()).toMatch(/<script[^>]+src=/)
    const dev = await fetch(`${base}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'x', role: 'staff' }),
    })
    expect(dev.status).toBe(404)
  })

  it('signs a person in from the Cloud Hosting openid header', async () => {
    const me = await fetch(`${base}/api/me`, { headers: { 'x-wx-openid': 'o-image-user' } })
    expect(me.status).toBe(200)
    expect((await me.json()).user).toMatchObject({ role: 'tourist' })
  })

  it('answers /api/ready 503 within 5 s once the database is gone, while /api/health stays 200', async () => {
    database.stop()
    const ready = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(5000) })
    expect(ready.status).toBe(503)
    expect((await ready.json()).error).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.any(String),
      messageEn: expect.any(String),
    })
    expect((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).status).toBe(200)
  })

  it('exits 0 on SIGTERM', async () => {
    server.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
