import { sql, type Kysely, type Migration } from 'kysely'

/**
 * Response targets: when a wish was reviewed, last went on the wall and was first claimed, and one row per wish and
 * stage whose staff were told it passed its target — the row's key is what makes "told once" hold across instances.
 */
export const wishTargets: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    for (const column of ['reviewed_at', 'published_at', 'first_claimed_at']) {
      await db.schema.alterTable('wishes').addColumn(column, 'text').execute()
    }
    // Wishes already on the wall start their claim clock from their last change.
    await sql`update wishes set published_at = updated_at where status = 'published'`.execute(db)
    await db.schema
      .createTable('wish_target_alerts')
      .addColumn('wish_id', 'text', (c) => c.notNull().references('wishes.id').onDelete('cascade'))
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('alerted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('wish_target_alerts_pk', ['wish_id', 'stage'])
      .execute()
    await db.schema.createIndex('wishes_published_at_idx').on('wishes').columns(['status', 'published_at']).execute()
  },
}
