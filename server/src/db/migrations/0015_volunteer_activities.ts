import type { Kysely, Migration } from 'kysely'

/**
 * Volunteer activities (志愿服务活动): what staff publish, who signed up (one row per person and activity, under the
 * same seat rule as a lecture session: places taken and the waitlist counter live on the activity row, whose lock
 * every sign-up takes), when each came and left and the hours that counts, and the certificates issued from them.
 */
export const volunteerActivities: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('lat', 'double precision', (c) => c.notNull())
      .addColumn('lng', 'double precision', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('volunteers_needed', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('confirmed_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('waitlist_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('checkin_secret', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('activities_start_idx').on('activities').columns(['status', 'starts_at']).execute()
    await db.schema
      .createIndex('activities_community_idx')
      .on('activities')
      .columns(['community_id', 'starts_at'])
      .execute()

    await db.schema
      .createTable('activity_signups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('waitlist_ticket', 'integer')
      .addColumn('checked_in_at', 'text')
      .addColumn('checked_out_at', 'text')
      // 1 when the check-in (or check-out) came with a position near the activity.
      .addColumn('checkin_verified', 'integer', (c) => c.notNull().defaultTo(0))
      // Hours served: from check-in and check-out, or set by staff with a reason (then kept over the times).
      .addColumn('hours', 'double precision')
      .addColumn('hours_reason', 'text')
      .addColumn('hours_set_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('activity_signups_activity_user_uq', ['activity_id', 'user_id'])
      .execute()
    await db.schema.createIndex('activity_signups_user_idx').on('activity_signups').columns(['user_id']).execute()
    await db.schema
      .createIndex('activity_signups_wait_idx')
      .on('activity_signups')
      .columns(['activity_id', 'status', 'waitlist_ticket'])
      .execute()

    await db.schema
      .createTable('certificates')
      .addColumn('serial', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
      // The period as Shanghai calendar dates (YYYY-MM-DD), both days included.
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull())
      .addColumn('hours', 'double precision', (c) => c.notNull())
      .addColumn('activities', 'integer', (c) => c.notNull())
      .addColumn('wishes', 'integer', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('certificates_user_idx').on('certificates').columns(['user_id']).execute()
  },
}
