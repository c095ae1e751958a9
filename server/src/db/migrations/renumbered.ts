import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.js'

/** Kysely's record of the migrations a database has run, one row per name. */
const MIGRATION_TABLE = 'kysely_migration'

/**
 * Migrations that were renumbered after they had run somewhere, as [the name a database may have recorded, the name
 * it has now], applied in this order (each frees the name the next one takes). Numbers were reserved ahead and landed
 * with gaps (0009 and 0012 unused when 0013 landed); closing them renamed three. Without this a database that ran them under their old
 * names would refuse to start ("previously executed migration 0010_inbox is missing") or run them again.
 */
export const RENUMBERED: readonly (readonly [former: string, current: string])[] = [
  ['0010_inbox', '0009_inbox'],
  ['0011_community_names_en', '0010_community_names_en'],
  ['0013_desk_and_town', '0011_desk_and_town'],
]

/**
 * Brings the recorded names up to date before the migrator reads them. One transaction, each step a conditional
 * update: instances starting together on one PostgreSQL each run it, and whoever comes second finds nothing to rename.
 */
export async function renameRecordedMigrations(db: Kysely<Database>): Promise<void> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true })
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return
  await db.transaction().execute(async (trx) => {
    for (const [former, current] of RENUMBERED) {
      await sql`UPDATE ${sql.table(MIGRATION_TABLE)} SET name = ${current} WHERE name = ${former}`.execute(trx)
    }
  })
}
