import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import type { Database } from '../../db/schema.js'
import { errors } from '../../shared/errors.js'

/** How many photos a station or a guesthouse shows. */
export const MAX_PHOTOS = 9

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

/** A place may only show photos that were really uploaded: a mistyped id would be a broken image for every visitor. */
export async function assertPhotosUploaded(
  trx: Transaction<Database> | Kysely<Database>,
  photos: string[] | undefined,
) {
  const ids = (photos ?? []).flatMap((url) => uploadIdOf(url) ?? [])
  if (ids.length === 0) return
  const found = await trx.selectFrom('uploads').select('id').where('id', 'in', ids).execute()
  if (found.length < new Set(ids).size) {
    throw errors.badRequest('有照片没有上传成功，请重新选择照片', 'A photo was not uploaded; choose it again')
  }
}
