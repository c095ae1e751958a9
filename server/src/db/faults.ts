/**
 * PostgreSQL SQLSTATEs that mean "the server cannot serve you now", not "your query is wrong": class 08 (connection
 * exceptions), the server shutting down or starting (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now) and no connection slot left (53300 too_many_connections).
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|53300)$/

/** The network under a PostgreSQL connection failing: refused, reset, unreachable, not resolvable. */
const SOCKET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * node-postgres says so in words only: a connection the server dropped, a pool that could not connect in
 * DB_CONNECT_TIMEOUT_MS, a client broken by an earlier connection error.
 */
const PG_CLIENT_UNAVAILABLE = /^Connection terminated|timeout exceeded when trying to connect|is not queryable/

/**
 * SQLite's file cannot be written or read now: another process holds the lock past busy_timeout (BUSY, LOCKED), the
 * file or its folder became read-only or was moved (READONLY_*), it cannot be opened, the disk fails or is full.
 * Extended codes (SQLITE_READONLY_DBMOVED) start with their primary code.
 */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|READONLY|CANTOPEN|IOERR|FULL|PROTOCOL)/

const codeOf = (error: object) => ('code' in error && typeof error.code === 'string' ? error.code : '')

/**
 * Whether an error says the database cannot be reached or written at the moment (restarting, stopped, unreachable,
 * locked, read-only), which a client should retry later, rather than a failure of the request itself. The errors are
 * the drivers' own (Kysely passes them on), or an AggregateError of a connection tried on IPv4 and IPv6. A `cause` is
 * not followed: fetch wraps its socket errors in one, and WeChat being unreachable is not the database.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = codeOf(error)
  if (POSTGRES_UNAVAILABLE.test(code) || SOCKET_UNAVAILABLE.has(code) || SQLITE_UNAVAILABLE.test(code)) return true
  if (error instanceof Error && PG_CLIENT_UNAVAILABLE.test(error.message)) return true
  return error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e))
}
