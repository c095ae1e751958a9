import type { Kysely, Migration } from 'kysely'

export const communityPlaces: Migration = {
  async up(db: Kysely<unknown>) {
    // Where a community's office is (GCJ-02): the wish wall sorts "nearest first" by it.
    await db.schema.alterTable('communities').addColumn('lat', 'double precision').execute()
    await db.schema.alterTable('communities').addColumn('lng', 'double precision').execute()
  },
}
