import { sql, type Kysely, type Migration } from 'kysely'

export const communityNamesEn: Migration = {
  async up(db: Kysely<unknown>) {
    // What the app shows in English. SQLite adds a NOT NULL column only with a default; each row then gets its
    // Chinese name, which is at least a name it has (the demo seed gives its own communities their English one).
    await db.schema
      .alterTable('communities')
      .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
      .execute()
    await sql`update communities set name_en = name`.execute(db)
  },
}
