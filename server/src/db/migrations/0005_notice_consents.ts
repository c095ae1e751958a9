import type { Kysely, Migration } from 'kysely'

export const noticeConsents: Migration = {
  async up(db: Kysely<unknown>) {
    // A WeChat one-time subscription allows exactly one message per "accept": credits count them.
    await db.schema
      .createTable('notice_consents')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('credits', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('notice_consents_pk', ['user_id', 'kind'])
      .execute()
  },
}
