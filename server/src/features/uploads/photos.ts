import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.js'
import { errors } from '../../shared/errors.js'
import { setPhotoUses, type PhotoOwnerKind } from './uses.js'

const UPLOADED_PHOTO = /^\/api\/uploads\/(up_[A-Za-z0-9_-]{1,40})$/

/** The upload id in a photo URL this API serves, or null for a photo hosted elsewhere. */
export const uploadIdOf = (url: string): string | null => UPLOADED_PHOTO.exec(url)?.[1] ?? null

/** A photo staff uploaded here (`/api/uploads/<id>`, checked to exist when saved) or one hosted elsewhere over https. */
export const photoUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine(
    (value) => UPLOADED_PHOTO.test(value) || /^https:\/\/[^\s]+$/.test(value),
    'expected an uploaded photo (/api/uploads/…) or an https URL',
  )

/** The upload ids among photo URLs, leaving out photos hosted elsewhere. */
export const uploadIdsOf = (urls: string[]) => urls.flatMap((url) => uploadIdOf(url) ?? [])

/**
 * A station or guesthouse shows these photos from now on (nothing changes when a patch leaves them out): those
 * uploaded here must really exist, since a mistyped id would be a broken image for every visitor, and are recorded as
 * on the place. In the caller's transaction.
 */
export async function setPlacePhotos(
  trx: Transaction<Database> | Kysely<Database>,
  place: Extract<PhotoOwnerKind, 'station' | 'guesthouse'>,
  placeId: string,
  photos: string[] | undefined,
) {
  if (photos === undefined) return
  const ids = uploadIdsOf(photos)
  const found = ids.length === 0 ? [] : await trx.selectFrom('uploads').select('id').where('id', 'in', ids).execute()
  if (found.length < new Set(ids).size) {
    throw errors.badRequest('有照片没有上传成功，请重新选择照片', 'A photo was not uploaded; choose it again')
  }
  await setPhotoUses(trx, place, placeId, ids)
}
