import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throwaway PostgreSQL cluster on a loopback port, installed from Debian's packages when absent. */
export interface PostgresCluster {
  adminUrl: string
  /** `pg_ctl restart -m fast`: every connection is terminated (57P01), the server is back when this resolves. */
  restart(): Promise<void>
  /** `pg_ctl stop -m fast`: the database is gone until `resume()`. */
  halt(): Promise<void>
  resume(): Promise<void>
  /** Stops the cluster for good and removes its files. */
  stop(): void
}

const PG_ROOT = '/usr/lib/postgresql'

function findBinDir(): string | null {
  if (!existsSync(PG_ROOT)) return null
  const majors = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return majors[0] ? join(PG_ROOT, majors[0], 'bin') : null
}

function installPostgres(): void {
  const run = (args: string[]) => {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install PostgreSQL by hand`)
  }
  run(['update', '-qq'])
  run(['install', '-y', '-qq', 'postgresql'])
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

export async function startPostgres(): Promise<PostgresCluster> {
  let bin = findBinDir()
  if (!bin) {
    installPostgres()
    bin = findBinDir()
    if (!bin) throw new Error('PostgreSQL binaries not found after install')
  }
  const dir = mkdtempSync(join(tmpdir(), 'oth-pg-'))
  chmodSync(dir, 0o777)
  const port = await freePort()
  // initdb refuses to run as root, so the cluster belongs to the postgres system user.
  const isRoot = process.getuid?.() === 0
  const asPostgresArgs = (command: string): [string, string[]] =>
    isRoot ? ['runuser', ['-u', 'postgres', '--', 'sh', '-c', command]] : ['sh', ['-c', command]]
  const asPostgres = (command: string) => execFileSync(...asPostgresArgs(command), { stdio: 'pipe' })
  /** Asynchronous, so a load running in the same process goes on while the server stops and starts. */
  const asPostgresLater = (command: string) =>
    new Promise<void>((resolve, reject) =>
      execFile(...asPostgresArgs(command), (error, _stdout, stderr) =>
        error ? reject(new Error(`${command}: ${stderr || error.message}`)) : resolve(),
      ),
    )
  const pgCtl =
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ` +
    `-c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"`
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8`)
  asPostgres(`${pgCtl} start`)
  let stopped = false
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => asPostgresLater(`${pgCtl} -m fast restart`),
    halt: () => asPostgresLater(`${pgCtl} -m fast stop`),
    resume: () => asPostgresLater(`${pgCtl} start`),
    stop() {
      if (stopped) return
      stopped = true
      try {
        asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`)
      } catch {
        // already stopped (a suite halted it)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
