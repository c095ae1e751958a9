import type { Db } from '../../db/index.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { AUDIENCES, type PhotoAudience, type PhotoOwnerKind, type PhotoRules } from './uses.js'

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

/** What each audience means for the bytes sent: who may keep a copy, and for how long. */
const CACHE_FOR: Record<Exclude<PhotoAudience, 'nobody'>, string> = {
  everyone: PLACE_PHOTO,
  revocable: REVOCABLE_PHOTO,
  'this viewer': HIDDEN_PHOTO,
}

/**
 * A stored photo as this viewer may see it: one indexed lookup of what it is on (`photo_uses`), then each owning
 * feature's rule; the strictest answer wins. A wish photo is public while one of its wishes is on the wall; after that
 * only the uploader, the wish's resident and claimant and the community's staff see it, everyone else gets 404.
 */
export async function photoForViewer(
  db: Db,
  rules: PhotoRules,
  id: string,
  size: PhotoSize,
  viewer: User | null,
): Promise<ServedPhoto> {
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

  const uses = await db
    .selectFrom('photo_uses')
    .select(['owner_kind', 'owner_id'])
    .where('upload_id', '=', id)
    .execute()
  if (uses.length === 0) return served(UNATTACHED_PHOTO)
  const ownersByKind = new Map<PhotoOwnerKind, string[]>()
  for (const use of uses) ownersByKind.set(use.owner_kind, [...(ownersByKind.get(use.owner_kind) ?? []), use.owner_id])
  const audiences = await Promise.all(
    [...ownersByKind].map(([kind, ownerIds]) => rules[kind](db, ownerIds, viewer, row.owner_id)),
  )
  const strictest = AUDIENCES[Math.max(...audiences.map((audience) => AUDIENCES.indexOf(audience)))]!
  if (strictest === 'nobody') throw notFound.photo()
  return served(CACHE_FOR[strictest])
}
