import { sql, type Kysely, type Migration } from 'kysely'

export const deskAndTown: Migration = {
  async up(db: Kysely<unknown>) {
    // A sign-in code shown on a computer (扫码登录): any instance may create, approve or answer for it, so it lives here.
    // Only the secret's hash is kept; the ticket itself is printed in the code and is no secret.
    await db.schema
      .createTable('desk_tickets')
      .addColumn('ticket', 'text', (c) => c.primaryKey())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('browser', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('approved_at', 'text')
      .addColumn('used_at', 'text')
      .execute()
    await db.schema.createIndex('desk_tickets_by_expiry').on('desk_tickets').column('expires_at').execute()

    // The one town this deployment serves. It starts as the town the app was written for, so a deployment that
    // upgrades shows what it showed before; district staff change it with PATCH /api/town.
    await db.schema
      .createTable('town')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('intro', 'text', (c) => c.notNull())
      .addColumn('intro_en', 'text', (c) => c.notNull())
      .addColumn('lat', 'double precision', (c) => c.notNull())
      .addColumn('lng', 'double precision', (c) => c.notNull())
      .addColumn('zoom', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()
    await sql`
      insert into town (id, name, name_en, intro, intro_en, lat, lng, zoom, updated_at)
      values (
        'town', '潮州古城', 'Chaozhou old town',
        ${'在牌坊街、广济门、开元寺等景点和商圈，党群服务站、共产党员店、党员联系点和微阵地为您提供热水、充电、问路咨询等暖心服务。'},
        ${
          'Around Paifang Street, Guangji Gate and Kaiyuan Temple, party–mass service stations, party-member shops, ' +
          'contact points and micro posts offer hot water, phone charging, directions and other help.'
        },
        23.6665, 116.644, 16, ${new Date().toISOString()}
      )
    `.execute(db)
  },
}
