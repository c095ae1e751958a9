import type { Kysely, Migration } from 'kysely'

/**
 * The 双报到 roster (名册) the district's 组织部 keeps: in-service party members by community and phone. A registration
 * with a phone and community on it is verified when the roster arrives, or at once when it is filed later. One row
 * per phone and community: loading the roster again updates rows instead of adding twins.
 */
export const memberRoster: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('roster_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('real_name', 'text', (c) => c.notNull())
      .addColumn('work_unit', 'text', (c) => c.notNull())
      .addColumn('branch', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('roster_entries_community_phone_uq', ['community_id', 'phone'])
      .execute()
    // A registration is matched to the roster by the same pair.
    await db.schema
      .createIndex('members_community_phone_idx')
      .on('members')
      .columns(['community_id', 'phone'])
      .execute()
  },
}
