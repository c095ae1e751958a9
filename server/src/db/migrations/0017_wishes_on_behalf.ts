import { sql, type Kysely, type Migration } from 'kysely'

/**
 * 代办: a wish staff posted for a resident who has no account (an elder without a phone). The resident is a name and a
 * phone on the wish, not a user; `posted_by` is the staff member who answers for it, and the consent says how the
 * resident agreed. A wish has all four or none.
 */
export const wishesOnBehalf: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    await db.schema
      .alterTable('wishes')
      .addColumn('posted_by', 'text', (c) => c.references('users.id'))
      .execute()
    await db.schema.alterTable('wishes').addColumn('on_behalf_name', 'text').execute()
    await db.schema.alterTable('wishes').addColumn('on_behalf_phone', 'text').execute()
    await db.schema
      .alterTable('wishes')
      .addColumn('on_behalf_consent', 'text', (c) =>
        c.check(sql`on_behalf_consent is null or on_behalf_consent in ('in_person', 'phone', 'family')`),
      )
      .execute()
    await db.schema.createIndex('wishes_posted_by_idx').on('wishes').column('posted_by').execute()
  },
}
