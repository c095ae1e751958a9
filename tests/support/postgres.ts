import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throwaway PostgreSQL cluster on a loopback port, installed from Debian's packages when absent. */
export interface PostgresCluster {
  adminUrl: string
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
  const asPostgres = (command: string) => {
    const isRoot = process.getuid?.() === 0
    execFileSync(isRoot ? 'runuser' : 'sh', isRoot ? ['-u', 'postgres', '--', 'sh', '-c', command] : ['-c', command], {
      stdio: 'pipe',
    })
  }
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8`)
  asPostgres(
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w start -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ` +
      `-c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"`,
  )
  let stopped = false
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return
      stopped = true
      try {
        asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
