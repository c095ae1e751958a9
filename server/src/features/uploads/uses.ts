import type { Kysely, Transaction } from 'kysely'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import type { User } from '../auth/schemas.js'

/**
 * What a stored photo can be shown on. Which uploads each one shows is kept in `photo_uses`, written by the feature
 * that sets the photos, in the same transaction; who may see a photo is decided by a rule per kind that the owning
 * feature supplies (`server/src/photo-rules.ts` lists them), so this feature knows none of the others' tables.
 */
export const PHOTO_OWNER_KINDS = ['station', 'guesthouse', 'wish', 'wish_fulfilment'] as const
export type PhotoOwnerKind = (typeof PHOTO_OWNER_KINDS)[number]

/**
 * Who may see a photo because of what it is on, from the most open to the strictest: `everyone` for good (a place's
 * photo), `everyone` for now (`revocable`: a wish on the wall may leave it), only `this viewer` (the wish's people,
 * in private), or `nobody` (404). A photo on several things is shown as the strictest of them allows.
 */
export const AUDIENCES = ['everyone', 'revocable', 'this viewer', 'nobody'] as const
export type PhotoAudience = (typeof AUDIENCES)[number]

/** Who may see a photo that `ownerIds` (all of one kind) show; `uploaderId` is who sent it. */
export type PhotoRule = (
  db: Db,
  ownerIds: string[],
  viewer: User | null,
  uploaderId: string | null,
) => Promise<PhotoAudience>
export type PhotoRules = Record<PhotoOwnerKind, PhotoRule>

/** A place's pictures: public, and the same bytes for good under one id. */
export const publicForGood: PhotoRule = async () => 'everyone'

/** Records the uploads `ownerId` shows now, instead of those it showed before, in the caller's transaction. */
export async function setPhotoUses(
  trx: Transaction<Database> | Kysely<Database>,
  ownerKind: PhotoOwnerKind,
  ownerId: string,
  uploadIds: string[],
): Promise<void> {
  await trx.deleteFrom('photo_uses').where('owner_kind', '=', ownerKind).where('owner_id', '=', ownerId).execute()
  const shown = [...new Set(uploadIds)]
  if (shown.length === 0) return
  await trx
    .insertInto('photo_uses')
    .values(shown.map((uploadId) => ({ upload_id: uploadId, owner_kind: ownerKind, owner_id: ownerId })))
    .execute()
}
