import type { Db } from '../../db/index.js'
import { newId } from '../../shared/ids.js'
import { assertWithinQuota, type Quota } from '../../shared/quota.js'
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
    await assertWithinQuota(trx, owner.id, quota, now, async (since) => {
      const today = await trx
        .selectFrom('uploads')
        .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('created_at').as('oldest')])
        .where('owner_id', '=', owner.id)
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow()
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- MAX/SUM over no rows is NULL; Kysely's type omits it
      return { count: Number(today.n), oldest: today.oldest ?? null }
    })
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
