import type { Kysely, Migration } from 'kysely'

export const stationOperations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('stations')
      .addColumn('photos_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute()
    await db.schema
      .alterTable('stations')
      .addColumn('pledges_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute()

    await db.schema
      .createTable('station_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('station_id', 'text', (c) => c.notNull().references('stations.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('resolution_note', 'text')
      .execute()
    await db.schema
      .createIndex('station_reports_user_idx')
      .on('station_reports')
      .columns(['user_id', 'created_at'])
      .execute()
    await db.schema
      .createIndex('station_reports_status_idx')
      .on('station_reports')
      .columns(['status', 'created_at'])
      .execute()

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('audit_log_entity_idx')
      .on('audit_log')
      .columns(['entity', 'entity_id', 'created_at'])
      .execute()
  },
}
