import { sql, type Kysely, type Migration } from 'kysely'

/** One column per fact, so a station sheet or a report can read them as they are; each yes, no or unknown. */
export const ACCESS_COLUMNS = [
  'access_step_free',
  'access_accessible_toilet',
  'access_baby_care',
  'access_seating',
] as const

export const stationAccess: Migration = {
  async up(db: Kysely<unknown>) {
    // Every station starts "unknown": nobody has looked yet, and saying so is better than a guess either way.
    for (const column of ACCESS_COLUMNS) {
      await db.schema
        .alterTable('stations')
        .addColumn(column, 'text', (c) =>
          c
            .notNull()
            .defaultTo('unknown')
            .check(sql`${sql.ref(column)} in ('yes', 'no', 'unknown')`),
        )
        .execute()
    }
  },
}
