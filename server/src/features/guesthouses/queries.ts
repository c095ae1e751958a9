import type { Db } from '../../db/index.js'
import { distanceMetres } from '../../shared/geo.js'
import type { Origin } from '../../shared/params.js'
import type { Guesthouse } from './schemas.js'

/** A guesthouse's columns, as a sessions query selects them alongside its own. */
export interface GuesthouseRow {
  id: string
  name: string
  community_id: string | null
  address: string
  lat: number
  lng: number
  rooms_note: string | null
  photos_json: string
}

/** A guesthouse as the API shows it, with its distance from `origin` when the visitor gave one. */
export function toGuesthouse(r: GuesthouseRow, origin: Origin | undefined): Guesthouse {
  const lat = Number(r.lat)
  const lng = Number(r.lng)
  return {
    id: r.id,
    name: r.name,
    communityId: r.community_id,
    address: r.address,
    lat,
    lng,
    roomsNote: r.rooms_note,
    photos: JSON.parse(r.photos_json) as string[],
    distanceM: origin ? Math.round(distanceMetres(origin, { lat, lng })) : null,
  }
}

/** Every guesthouse (or the one with `id`), nearest first when the visitor gave a position. */
export async function findGuesthouses(db: Db, origin: Origin | undefined, id?: string): Promise<Guesthouse[]> {
  let query = db
    .selectFrom('guesthouses')
    .select(['id', 'name', 'community_id', 'address', 'lat', 'lng', 'rooms_note', 'photos_json'])
    .orderBy('id')
  if (id) query = query.where('id', '=', id)
  const items = (await query.execute()).map((r) => toGuesthouse(r, origin))
  return origin ? items.sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0)) : items
}
