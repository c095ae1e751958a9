import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { callApi } from '../support/http'
import { startApiProcess, type RunningServer } from '../support/server-process'

/**
 * Makes files read-only even for root (the test setup runs as root, which chmod does not stop), as a disk remounted
 * read-only would: `chattr +i`. Null where the file system or the user cannot (then that test is skipped).
 */
function readOnlyFiles(): ((files: string[], readOnly: boolean) => void) | null {
  const set = (files: string[], readOnly: boolean) => execFileSync('chattr', [readOnly ? '+i' : '-i', ...files])
  const probe = join(mkdtempSync(join(tmpdir(), 'oth-chattr-')), 'probe')
  writeFileSync(probe, '')
  try {
    set([probe], true)
    set([probe], false)
    return set
  } catch {
    return null
  } finally {
    rmSync(probe, { force: true })
  }
}
const setReadOnly = readOnlyFiles()

/**
 * SQLite's file failing under a running API: another process holding the write lock past busy_timeout, and the
 * database and its write-ahead log turning read-only. Each gives the same 503 as PostgreSQL going away, reads go on
 * where SQLite allows them, and the process stays up.
 */
describe('the SQLite file locked or read-only under a running API', () => {
  let dir: string
  let file: string
  let api: RunningServer
  let token: string
  let sessionIds: string[]

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oth-sqlite-fault-'))
    file = join(dir, 'api.db')
    api = await startApiProcess({ DATABASE_URL: `sqlite:${file}` })
    token = (await callApi(api.base, 'POST', '/api/auth/dev', { body: { openid: 'sqlite-fault', role: 'resident' } }))
      .body.token
    sessionIds = (await callApi(api.base, 'GET', '/api/lectures/sessions?limit=10')).body.items.map(
      (s: { id: string }) => s.id,
    )
  }, 60_000)

  afterAll(async () => {
    await api?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const book = (sessionId: string) =>
    fetch(`${api.base}/api/lectures/sessions/${sessionId}/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })

  const expectUnavailable = async (reply: Response) => {
    expect(reply.status).toBe(503)
    expect(reply.headers.get('retry-after')).toBe('5')
    expect((await reply.json()).error).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.any(String),
      messageEn: expect.any(String),
    })
  }

  it('answers a write 503 while another process holds the lock, reads go on, and writes work once it lets go', async () => {
    const holder = new SQLite(file)
    try {
      holder.exec('BEGIN EXCLUSIVE')
      await expectUnavailable(await book(sessionIds[0]!))
      expect((await fetch(`${api.base}/api/lectures/sessions/${sessionIds[0]}`)).status).toBe(200)
      holder.exec('COMMIT')
    } finally {
      holder.close()
    }
    expect((await book(sessionIds[0]!)).status).toBe(201)
    expect(api.exitCode()).toBeUndefined()
  }, 30_000)

  // Not the -shm file: SQLite maps it into memory, and a write to a mapping of an immutable file ends the process
  // (SIGBUS) whatever it does.
  ;(setReadOnly ? it : it.skip)(
    'answers a write 503 when the file turns read-only, and works again after',
    async () => {
      const files = [file, `${file}-wal`]
      setReadOnly!(files, true)
      try {
        await expectUnavailable(await book(sessionIds[1]!))
        expect((await fetch(`${api.base}/api/lectures/sessions/${sessionIds[1]}`)).status).toBe(200)
      } finally {
        setReadOnly!(files, false)
      }
      expect((await book(sessionIds[1]!)).status).toBe(201)
      expect(api.exitCode()).toBeUndefined()
    },
    30_000,
  )
})
