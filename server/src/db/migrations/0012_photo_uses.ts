import type { Kysely, Migration } from 'kysely'
import type { Database, PhotoUsesTable } from '../schema.js'

/** A photo URL this API serves, as stations and guesthouses store them (wishes store the bare upload id). */
const UPLOADED_PHOTO = /^\/api\/uploads\/(up_[A-Za-z0-9_-]{1,40})$/

/**
 * Which stored photo is on what, in a table instead of three features' JSON columns, so that who may see a photo is
 * one indexed lookup (no `LIKE '%…%'` over every station, guesthouse and wish). Filled from today's columns; from now
 * on each feature writes it when it sets photos.
 */
export const photoUses: Migration = {
  async up(untyped: Kysely<unknown>) {
    const db = untyped as Kysely<Database>
    await db.schema
      .createTable('photo_uses')
      .addColumn('upload_id', 'text', (c) => c.notNull().references('uploads.id').onDelete('cascade'))
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      // Led by the upload: what a photo is on is one index range.
      .addPrimaryKeyConstraint('photo_uses_pk', ['upload_id', 'owner_kind', 'owner_id'])
      .execute()
    // Setting a place's or a wish's photos replaces what it showed.
    await db.schema.createIndex('photo_uses_by_owner').on('photo_uses').columns(['owner_kind', 'owner_id']).execute()

    const stored = new Set((await db.selectFrom('uploads').select('id').execute()).map((row) => row.id))
    const uses = new Map<string, PhotoUsesTable>()
    const use = (uploadId: string | null | undefined, kind: PhotoUsesTable['owner_kind'], ownerId: string) => {
      if (uploadId && stored.has(uploadId))
        uses.set(`${uploadId}|${kind}|${ownerId}`, { upload_id: uploadId, owner_kind: kind, owner_id: ownerId })
    }
    for (const kind of ['station', 'guesthouse'] as const) {
      const table = kind === 'station' ? 'stations' : 'guesthouses'
      for (const place of await db.selectFrom(table).select(['id', 'photos_json']).execute()) {
        for (const url of JSON.parse(place.photos_json) as string[]) use(UPLOADED_PHOTO.exec(url)?.[1], kind, place.id)
      }
    }
    for (const wish of await db.selectFrom('wishes').select(['id', 'photos_json', 'fulfil_photo_id']).execute()) {
      for (const uploadId of JSON.parse(wish.photos_json) as string[]) use(uploadId, 'wish', wish.id)
      use(wish.fulfil_photo_id, 'wish_fulfilment', wish.id)
    }
    const rows = [...uses.values()]
    // A few hundred rows a statement keeps well under either database's limit on bound values.
    for (let start = 0; start < rows.length; start += 300) {
      await db
        .insertInto('photo_uses')
        .values(rows.slice(start, start + 300))
        .execute()
    }
  },
}
