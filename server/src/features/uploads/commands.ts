import type { Db } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import { createKeyedQueue } from '../../shared/keyed-queue.js'
import { assertRoomFor, assertWithinQuota, storedSince, windowStart, type Quota } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { reencodePhoto, STORED_PHOTO_MIME } from '../../shared/reencode.js'

/**
 * Keeps photos as re-encoded (never the bytes sent) with their thumbnails, within each person's daily quota.
 *
 * The quota is decided before anything is decoded, so a person over it costs a count, not a decode: what they
 * stored plus what this process is decoding for them right now, read one request of theirs at a time, so a burst
 * decodes no more photos than it may store. The decision that holds across instances is still the database's,
 * taken again under the person's row lock in the transaction that stores (decoding stays outside it, so the lock is
 * held only for the count and the insert).
 */
export function createPhotoStore(db: Db, quota: Quota) {
  const inTurn = createKeyedQueue()
  const decoding = new Map<string, number>()
  const decodingFor = (ownerId: string) => decoding.get(ownerId) ?? 0

  const holdPlace = (ownerId: string, now: Date) =>
    inTurn(ownerId, async () => {
      const stored = await storedSince(db, 'uploads', ownerId, windowStart(quota, now))
      const count = stored.count + decodingFor(ownerId)
      // A place taken by a photo still decoding frees a full window after it is stored, i.e. from now.
      assertRoomFor(quota, now, { count, oldest: stored.oldest ?? now.toISOString() })
      decoding.set(ownerId, decodingFor(ownerId) + 1)
    })
  const freePlace = (ownerId: string) => {
    const left = decodingFor(ownerId) - 1
    if (left > 0) decoding.set(ownerId, left)
    else decoding.delete(ownerId)
  }

  return async function storePhoto(owner: User, bytes: Buffer, now: Date): Promise<{ id: string; size: number }> {
    await holdPlace(owner.id, now)
    try {
      const { photo, thumb } = await reencodePhoto(bytes)
      const id = newId('up')
      await db.transaction().execute(async (trx) => {
        await assertWithinQuota(trx, owner.id, quota, now, (since) => storedSince(trx, 'uploads', owner.id, since))
        await trx
          .insertInto('uploads')
          .values({
            id,
            owner_id: owner.id,
            mime: STORED_PHOTO_MIME,
            size: photo.length,
            data: photo,
            thumb,
            created_at: now.toISOString(),
          })
          .execute()
      })
      return { id, size: photo.length }
    } finally {
      freePlace(owner.id)
    }
  }
}
