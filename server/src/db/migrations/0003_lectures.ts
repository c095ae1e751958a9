import type { Kysely, Migration } from 'kysely'

export const lectures: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('guesthouses')
      .addColumn('photos_json', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute()
    await db.schema
      .alterTable('lecture_topics')
      .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
      .execute()

    await db.schema
      .createTable('topic_orders')
      .addColumn('topic_id', 'text', (c) => c.notNull().references('lecture_topics.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('preferred_time', 'text')
      .addColumn('area', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('topic_orders_pk', ['topic_id', 'user_id'])
      .execute()

    await db.schema
      .createTable('lecture_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('topic_id', 'text', (c) => c.notNull().references('lecture_topics.id'))
      .addColumn('guesthouse_id', 'text', (c) => c.notNull().references('guesthouses.id'))
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('speaker', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      // Seats taken and the waitlist ticket counter live on the session row, so every booking decision
      // takes that row's lock first and reads them under it.
      .addColumn('confirmed_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('waitlist_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('checkin_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('lecture_sessions_start_idx').on('lecture_sessions').columns(['starts_at']).execute()

    await db.schema
      .createTable('bookings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('lecture_sessions.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('waitlist_ticket', 'integer')
      .addColumn('checked_in_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('bookings_session_user_uq', ['session_id', 'user_id'])
      .execute()
    await db.schema.createIndex('bookings_user_idx').on('bookings').columns(['user_id']).execute()
    await db.schema
      .createIndex('bookings_wait_idx')
      .on('bookings')
      .columns(['session_id', 'status', 'waitlist_ticket'])
      .execute()

    await db.schema
      .createTable('lecture_feedback')
      .addColumn('session_id', 'text', (c) => c.notNull().references('lecture_sessions.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lecture_feedback_pk', ['session_id', 'user_id'])
      .execute()

    await db.schema
      .createTable('outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute()
    await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute()
  },
}
