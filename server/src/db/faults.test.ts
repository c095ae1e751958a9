import { isDatabaseUnavailable } from './faults'

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code })

describe('which errors mean the database is away (503) rather than a failed request (500)', () => {
  it.each([
    ['PostgreSQL shutting down (pg_ctl restart/stop)', withCode('57P01')],
    ['PostgreSQL starting up', withCode('57P03')],
    ['a connection exception', withCode('08006')],
    ['no connection slot left', withCode('53300')],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['no connection within DB_CONNECT_TIMEOUT_MS', new Error('timeout exceeded when trying to connect')],
    ['both addresses of localhost refusing', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
    ['SQLite locked by another process', withCode('SQLITE_BUSY')],
    ['SQLite read-only', withCode('SQLITE_READONLY_DBMOVED')],
    ['SQLite refused by the disk', withCode('SQLITE_IOERR_WRITE')],
  ])('%s is', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a SQLite constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    [
      'WeChat unreachable (fetch wraps the socket error)',
      new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') }),
    ],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'ECONNREFUSED'],
  ])('%s is not', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})
