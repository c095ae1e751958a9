import { PostgresAdapter, type Kysely, type Migration } from 'kysely'

export const wishes: Migration = {
  async up(db: Kysely<unknown>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob'

    await db.schema
      .createTable('communities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()

    // A staff user acts for the communities listed here; none listed means every community.
    await db.schema
      .createTable('staff_communities')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
      .addPrimaryKeyConstraint('staff_communities_pk', ['user_id', 'community_id'])
      .execute()

    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
      .addColumn('real_name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('work_unit', 'text', (c) => c.notNull())
      .addColumn('branch', 'text', (c) => c.notNull())
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('ranking_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .execute()

    await db.schema
      .createTable('uploads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('data', binary, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('wishes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('resident_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
      .addColumn('contact_phone', 'text')
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('preferred_time', 'text')
      .addColumn('photos_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('review_reason', 'text')
      .addColumn('claimed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('claimed_at', 'text')
      .addColumn('fulfil_note', 'text')
      .addColumn('fulfil_photo_id', 'text')
      .addColumn('fulfilled_at', 'text')
      .addColumn('confirmed_at', 'text')
      .addColumn('thanks', 'text')
      .addColumn('dispute_reason', 'text')
      .addColumn('hours_served', 'double precision')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('wishes_wall_idx').on('wishes').columns(['status', 'urgent', 'created_at']).execute()
    await db.schema.createIndex('wishes_resident_idx').on('wishes').columns(['resident_id']).execute()
    await db.schema.createIndex('wishes_claimant_idx').on('wishes').columns(['claimed_by', 'status']).execute()
  },
}
