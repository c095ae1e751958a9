import { sql } from 'kysely'
import type { Db } from '../../db/index.js'

/** Long enough for a busy pool to hand out a connection, short enough that a probe never piles up behind it. */
export const READY_TIMEOUT_MS = 2000

/** Whether the database answers `select 1` within READY_TIMEOUT_MS. */
export const databaseAnswers = (db: Db) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)
    sql`select 1`
      .execute(db)
      .then(
        () => resolve(true),
        () => resolve(false),
      )
      .finally(() => clearTimeout(timer))
  })
