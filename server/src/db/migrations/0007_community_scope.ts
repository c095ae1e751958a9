import type { Kysely, Migration } from 'kysely'
import { distanceMetres } from '../../shared/geo.js'

/** The columns this migration reads and writes, as they are at this point of the history. */
interface PlaceRow {
  id: string
  lat: number | null
  lng: number | null
  community_id: string | null
}
interface ScopeTables {
  communities: Omit<PlaceRow, 'community_id'>
  stations: PlaceRow
  guesthouses: PlaceRow
}
type Office = { id: string; lat: number; lng: number }

/** Each place goes to the community whose office is nearest; with no office located yet it stays unassigned (district staff only). */
async function assignNearestCommunity(db: Kysely<ScopeTables>, table: 'stations' | 'guesthouses', offices: Office[]) {
  if (offices.length === 0) return
  const places = await db.selectFrom(table).select(['id', 'lat', 'lng']).where('community_id', 'is', null).execute()
  for (const place of places) {
    const at = { lat: Number(place.lat), lng: Number(place.lng) }
    const nearest = offices.reduce((best, office) =>
      distanceMetres(at, office) < distanceMetres(at, best) ? office : best,
    )
    await db.updateTable(table).set({ community_id: nearest.id }).where('id', '=', place.id).execute()
  }
}

export const communityScope: Migration = {
  async up(db: Kysely<unknown>) {
    // A station or guesthouse belongs to one community: its staff are the ones who may change it.
    await db.schema
      .alterTable('stations')
      .addColumn('community_id', 'text', (c) => c.references('communities.id'))
      .execute()
    await db.schema
      .alterTable('guesthouses')
      .addColumn('community_id', 'text', (c) => c.references('communities.id'))
      .execute()
    // 1 when the attendee checked in with a position near the guesthouse; 0 when checked in without one.
    await db.schema
      .alterTable('bookings')
      .addColumn('checkin_verified', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()

    const scoped = db as Kysely<ScopeTables>
    const offices = (
      await scoped
        .selectFrom('communities')
        .select(['id', 'lat', 'lng'])
        .where('lat', 'is not', null)
        .where('lng', 'is not', null)
        .execute()
    ).map((o) => ({ id: o.id, lat: Number(o.lat), lng: Number(o.lng) }))
    await assignNearestCommunity(scoped, 'stations', offices)
    await assignNearestCommunity(scoped, 'guesthouses', offices)
  },
}
