import type { Kysely, Migration } from 'kysely'

export const communityNamesEn: Migration = {
  async up(db: Kysely<unknown>) {
    // What the app shows in English; null until someone gives one (a row added by hand without it included), and
    // then the API shows the Chinese name, which is at least a name the community has.
    await db.schema.alterTable('communities').addColumn('name_en', 'text').execute()
  },
}
