import type { PhotoRule } from '../uploads/uses.js'
import { isInvolved } from './lifecycle.js'
import { wishActorOf } from './queries.js'
import { PUBLIC_STATUSES } from './schemas.js'

/**
 * Who sees a photo on wishes (posted with them or sent as proof of fulfilment): everyone while one of them is on the
 * wall, asking again on every view; after that the uploader and each wish's resident, claimant and community staff,
 * in private; nobody else.
 */
export const wishPhotoRule: PhotoRule = async (db, wishIds, viewer, uploaderId) => {
  const wishes = await db
    .selectFrom('wishes')
    .select(['status', 'resident_id', 'claimed_by', 'community_id'])
    .where('id', 'in', wishIds)
    .execute()
  if (wishes.some((wish) => (PUBLIC_STATUSES as readonly string[]).includes(wish.status))) return 'revocable'
  if (!viewer) return 'nobody'
  if (uploaderId === viewer.id) return 'this viewer'
  const actor = await wishActorOf(db, viewer)
  return wishes.some((wish) => isInvolved(actor, wish)) ? 'this viewer' : 'nobody'
}
