import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely'
import { reencodePhoto, STORED_PHOTO_MIME } from '../../shared/reencode.js'
import type { Database } from '../schema.js'

const dropId = (json: string, gone: Set<string>, idOf: (entry: string) => string) =>
  JSON.stringify((JSON.parse(json) as string[]).filter((entry) => !gone.has(idOf(entry))))

/**
 * Photos stored before uploads were re-encoded still carry what the phone wrote into them (EXIF GPS: where a
 * resident lives). Every stored photo is written anew the way uploads now are, with its thumbnail; one that does
 * not decode as a photo (a polyglot, a broken file) is deleted and taken off the stations, guesthouses and wishes
 * that showed it.
 */
export const cleanPhotos: Migration = {
  async up(untyped: Kysely<unknown>) {
    const db = untyped as Kysely<Database>
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter
    const emptyBytes = sql.raw(postgres ? "''::bytea" : "X''")
    await db.schema
      .alterTable('uploads')
      .addColumn('thumb', postgres ? 'bytea' : 'blob', (c) => c.notNull().defaultTo(emptyBytes))
      .execute()
    // The daily upload quota counts a person's recent photos under their row lock.
    await db.schema.createIndex('uploads_by_owner').on('uploads').columns(['owner_id', 'created_at']).execute()

    const gone = new Set<string>()
    // One photo in memory at a time, however many are stored.
    for (const { id } of await db.selectFrom('uploads').select('id').execute()) {
      const { data } = await db.selectFrom('uploads').select('data').where('id', '=', id).executeTakeFirstOrThrow()
      try {
        const { photo, thumb } = await reencodePhoto(Buffer.from(data))
        await db
          .updateTable('uploads')
          .set({ data: photo, thumb, mime: STORED_PHOTO_MIME, size: photo.length })
          .where('id', '=', id)
          .execute()
      } catch {
        gone.add(id)
      }
    }
    if (gone.size === 0) return

    const idOfUrl = (url: string) => url.replace(/^\/api\/uploads\//, '')
    for (const table of ['stations', 'guesthouses'] as const) {
      for (const row of await db.selectFrom(table).select(['id', 'photos_json']).execute()) {
        const kept = dropId(row.photos_json, gone, idOfUrl)
        if (kept !== row.photos_json)
          await db.updateTable(table).set({ photos_json: kept }).where('id', '=', row.id).execute()
      }
    }
    for (const row of await db.selectFrom('wishes').select(['id', 'photos_json', 'fulfil_photo_id']).execute()) {
      const kept = dropId(row.photos_json, gone, (id) => id)
      const proof = row.fulfil_photo_id && gone.has(row.fulfil_photo_id) ? null : row.fulfil_photo_id
      if (kept !== row.photos_json || proof !== row.fulfil_photo_id) {
        await db
          .updateTable('wishes')
          .set({ photos_json: kept, fulfil_photo_id: proof })
          .where('id', '=', row.id)
          .execute()
      }
    }
    await db
      .deleteFrom('uploads')
      .where('id', 'in', [...gone])
      .execute()
  },
}
