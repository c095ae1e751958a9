import type { Db } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import { assertWithinQuota, storedSince, type Quota } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { reencodePhoto, STORED_PHOTO_MIME } from './reencode.js'

/**
 * Keeps a photo as re-encoded (never the bytes sent) with its thumbnail, within the person's daily quota. Decoding
 * happens first, outside the transaction, so the person's row lock is held only for the count and the insert.
 */
export async function storePhoto(
  db: Db,
  owner: User,
  bytes: Buffer,
  now: Date,
  quota: Quota,
): Promise<{ id: string; size: number }> {
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
}
