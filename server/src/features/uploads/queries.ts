import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { isInvolved } from '../wishes/lifecycle.js'
import { wishActorOf } from '../wishes/queries.js'
import { PUBLIC_STATUSES } from '../wishes/schemas.js'

export type PhotoSize = 'photo' | 'thumb'

export interface ServedPhoto {
  mime: string
  bytes: Buffer
  /** How long a copy may be kept, and by whom. */
  cacheControl: string
}

/** A place's photo never changes under its id and is public for good: caches may keep it. */
const PLACE_PHOTO = 'public, max-age=31536000, immutable'
/** A wish photo may stop being public (withdrawn, rejected): every view asks again (a 304 when unchanged). */
const REVOCABLE_PHOTO = 'public, no-cache'
/** Just uploaded, on nothing yet: only the uploader has its id, and it may go on a wish that is later hidden. */
const UNATTACHED_PHOTO = 'private, no-cache'
/** Seen by the owner or staff while the public cannot: no copy anywhere. */
const HIDDEN_PHOTO = 'private, no-store'

const quoted = (entry: string) => `%"${entry}"%`
const listed = (json: string, entry: string) => (JSON.parse(json) as string[]).includes(entry)

/**
 * A stored photo as this viewer may see it. A wish photo is public while one of its wishes is on the wall; after
 * that only the uploader, the wish's resident and claimant and the community's staff see it, everyone else gets 404.
 */
export async function photoForViewer(db: Db, id: string, size: PhotoSize, viewer: User | null): Promise<ServedPhoto> {
  const row = await db
    .selectFrom('uploads')
    .select(['owner_id', 'mime', size === 'photo' ? 'data as bytes' : 'thumb as bytes'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound.photo()
  const served = (cacheControl: string): ServedPhoto => ({
    mime: row.mime,
    bytes: Buffer.from(row.bytes),
    cacheControl,
  })

  // `_` in an id is a LIKE wildcard: the match may be loose, the JSON check after it is exact.
  const wishes = (
    await db
      .selectFrom('wishes')
      .select(['status', 'resident_id', 'claimed_by', 'community_id', 'photos_json', 'fulfil_photo_id'])
      .where((eb) => eb.or([eb('photos_json', 'like', quoted(id)), eb('fulfil_photo_id', '=', id)]))
      .execute()
  ).filter((wish) => wish.fulfil_photo_id === id || listed(wish.photos_json, id))
  if (wishes.length > 0) {
    if (wishes.some((wish) => (PUBLIC_STATUSES as readonly string[]).includes(wish.status)))
      return served(REVOCABLE_PHOTO)
    if (viewer) {
      if (row.owner_id === viewer.id) return served(HIDDEN_PHOTO)
      const actor = await wishActorOf(db, viewer)
      if (wishes.some((wish) => isInvolved(actor, wish))) return served(HIDDEN_PHOTO)
    }
    throw notFound.photo()
  }

  const url = `/api/uploads/${id}`
  const places = await db
    .selectFrom('stations')
    .select('photos_json')
    .where('photos_json', 'like', quoted(url))
    .unionAll(db.selectFrom('guesthouses').select('photos_json').where('photos_json', 'like', quoted(url)))
    .execute()
  return served(places.some((place) => listed(place.photos_json, url)) ? PLACE_PHOTO : UNATTACHED_PHOTO)
}
