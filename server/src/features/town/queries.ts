import type { Db } from '../../db/index.js'
import type { Town } from './schemas.js'

/** The one row migration 0011_desk_and_town created; district staff change it, nobody removes it. */
export async function findTown(db: Db): Promise<Town> {
  const row = await db.selectFrom('town').selectAll().where('id', '=', 'town').executeTakeFirstOrThrow()
  return {
    name: row.name,
    nameEn: row.name_en,
    intro: row.intro,
    introEn: row.intro_en,
    center: { lat: row.lat, lng: row.lng },
    zoom: row.zoom,
  }
}
