import type { Kysely, Migration } from 'kysely'

export const inbox: Migration = {
  async up(db: Kysely<unknown>) {
    // What the person was told, kept for them to read in the app (消息) whether or not WeChat delivered it.
    await db.schema
      .createTable('inbox_notices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute()
    await db.schema
      .createIndex('inbox_notices_by_user')
      .on('inbox_notices')
      .columns(['user_id', 'created_at', 'id'])
      .execute()
    await db.schema.createIndex('inbox_notices_by_age').on('inbox_notices').column('created_at').execute()
  },
}
