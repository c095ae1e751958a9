import type { Kysely, Migration } from 'kysely'
import { distanceMetres } from '../../shared/geo.js'

/** The columns this migration reads and writes, as they are at this point of the history. */
interface BackfillTables {
  communities: { id: string; name_en: string | null; lat: number | null; lng: number | null; is_demo: number }
  stations: { id: string; lat: number; lng: number; community_id: string | null; is_demo: number }
  guesthouses: { id: string; lat: number; lng: number; community_id: string | null; is_demo: number }
}

/**
 * The demo communities' offices and English names as the demo has loaded them since it had them. A demo database
 * loaded before 0006 (offices) and 0010 (English names) has neither, and 0007 found no office to give its places.
 */
const DEMO_COMMUNITIES = [
  ['cm_paifang', 'Paifang Street Community', 23.66612, 116.64398],
  ['cm_jiadi', 'Jiadi Lane Community', 23.66495, 116.64702],
  ['cm_yixing', 'Yixingjia Community', 23.66735, 116.64788],
  ['cm_xihu', 'West Lake Community', 23.67051, 116.63962],
  ['cm_dongmen', 'East Gate Community', 23.66842, 116.65118],
  ['cm_xiashuimen', 'Xiashui Gate Community', 23.66248, 116.64921],
] as const

/**
 * Fixes what a demo database loaded by an older release lacks, once, instead of the demo loader patching it at every
 * start. Only rows marked is_demo and only what is still empty: nothing an operator entered changes, and a database
 * without the demo has nothing to fix.
 */
export const demoPlacesBackfill: Migration = {
  async up(untyped: Kysely<unknown>) {
    const db = untyped as Kysely<BackfillTables>
    for (const [id, nameEn, lat, lng] of DEMO_COMMUNITIES) {
      const demo = db.updateTable('communities').where('id', '=', id).where('is_demo', '=', 1)
      await demo.set({ lat, lng }).where('lat', 'is', null).execute()
      await demo.set({ name_en: nameEn }).where('name_en', 'is', null).execute()
    }
    // Demo places go to the nearest office, the rule 0007 applied to the places it found.
    const offices = (
      await db
        .selectFrom('communities')
        .select(['id', 'lat', 'lng'])
        .where('lat', 'is not', null)
        .where('lng', 'is not', null)
        .execute()
    ).map((o) => ({ id: o.id, lat: Number(o.lat), lng: Number(o.lng) }))
    if (offices.length === 0) return
    for (const table of ['stations', 'guesthouses'] as const) {
      const places = await db
        .selectFrom(table)
        .select(['id', 'lat', 'lng'])
        .where('is_demo', '=', 1)
        .where('community_id', 'is', null)
        .execute()
      for (const place of places) {
        const at = { lat: Number(place.lat), lng: Number(place.lng) }
        const nearest = offices.reduce((best, office) =>
          distanceMetres(at, office) < distanceMetres(at, best) ? office : best,
        )
        await db.updateTable(table).set({ community_id: nearest.id }).where('id', '=', place.id).execute()
      }
    }
  },
}
