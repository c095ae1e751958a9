import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import { recordChange } from '../../shared/audit.js'
import { batchesOf } from '../../shared/batches.js'
import { updateRowsById } from '../../shared/batch-update.js'
import { errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import { newId } from '../../shared/ids.js'
import { assertWithinQuota, storedSince, type Quotas } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { addPlaces, changePlaces } from '../community/places.js'
import type {
  reportCreateSchema,
  serviceToggleSchema,
  stationCreateSchema,
  stationPatchSchema,
  ServiceKey,
} from './schemas.js'
import { assertStationInScope } from './scope.js'

type StationFields = z.output<typeof stationCreateSchema>
type StationPatchFields = z.output<typeof stationPatchSchema>

const COORDINATES = new Set(['lat', 'lng'])

function stationColumns(fields: StationPatchFields) {
  return {
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.nameEn !== undefined && { name_en: fields.nameEn }),
    ...(fields.kind !== undefined && { kind: fields.kind }),
    ...(fields.communityId !== undefined && { community_id: fields.communityId }),
    ...(fields.address !== undefined && { address: fields.address }),
    ...(fields.lat !== undefined && { lat: fields.lat }),
    ...(fields.lng !== undefined && { lng: fields.lng }),
    ...(fields.phone !== undefined && { phone: fields.phone }),
    ...(fields.hours !== undefined && { hours_json: JSON.stringify(fields.hours) }),
    ...(fields.photos !== undefined && { photos_json: JSON.stringify(fields.photos) }),
    ...(fields.pledges !== undefined && { pledges_json: JSON.stringify(fields.pledges) }),
    ...(fields.access?.stepFree !== undefined && { access_step_free: fields.access.stepFree }),
    ...(fields.access?.accessibleToilet !== undefined && { access_accessible_toilet: fields.access.accessibleToilet }),
    ...(fields.access?.babyCare !== undefined && { access_baby_care: fields.access.babyCare }),
    ...(fields.access?.seating !== undefined && { access_seating: fields.access.seating }),
  }
}

/** The services of these stations from now on, instead of those they had (a sheet changes many at once). */
async function replaceServices(
  trx: Transaction<Database>,
  stations: { id: string; services: StationFields['services'] }[],
  isNew: boolean,
) {
  // A station made in this transaction has no services to remove yet.
  if (!isNew)
    for (const batch of batchesOf(stations, 1000))
      await trx
        .deleteFrom('station_services')
        .where(
          'station_id',
          'in',
          batch.map((s) => s.id),
        )
        .execute()
  const rows = stations.flatMap(({ id, services }) =>
    services.map((s, index) => ({
      station_id: id,
      service_key: s.key,
      available: s.available ? (1 as const) : (0 as const),
      note: s.note ?? null,
      sort_order: index,
    })),
  )
  for (const batch of batchesOf(rows, 1000)) await trx.insertInto('station_services').values(batch).execute()
}

/** Adds a station inside the caller's transaction (a form's single write), audited. */
export async function insertStation(
  trx: Transaction<Database>,
  actor: User,
  fields: StationFields,
  at: string,
): Promise<string> {
  const [id] = await insertStations(trx, actor, [fields], at)
  return id!
}

/** Adds stations inside the caller's transaction (a form's one, or a sheet's rows in a few statements), each audited. */
export async function insertStations(
  trx: Transaction<Database>,
  actor: User,
  list: StationFields[],
  at: string,
): Promise<string[]> {
  return addPlaces(trx, actor, 'station', list, at, async (added) => {
    const rows = added.map(({ id, fields, communityId }) => ({
      id,
      ...stationColumns(fields),
      community_id: communityId,
      name: fields.name,
      name_en: fields.nameEn ?? fields.name,
      kind: fields.kind,
      address: fields.address,
      lat: fields.lat,
      lng: fields.lng,
      hours_json: JSON.stringify(fields.hours),
      photos_json: JSON.stringify(fields.photos),
      pledges_json: JSON.stringify(fields.pledges),
      is_demo: 0 as const,
      created_at: at,
      updated_at: at,
    }))
    for (const batch of batchesOf(rows, 500)) await trx.insertInto('stations').values(batch).execute()
    await replaceServices(
      trx,
      added.map(({ id, fields }) => ({ id, services: fields.services })),
      true,
    )
  })
}

/** Changes a station the actor acts for, inside the caller's transaction, audited. */
export async function changeStation(
  trx: Transaction<Database>,
  actor: User,
  id: string,
  patch: StationPatchFields,
  at: string,
): Promise<void> {
  await changeStations(trx, actor, [{ id, patch }], at)
}

/** Changes stations the actor acts for (a form's one, or a sheet's rows), inside the caller's transaction, each audited. */
export async function changeStations(
  trx: Transaction<Database>,
  actor: User,
  changes: { id: string; patch: StationPatchFields }[],
  at: string,
): Promise<void> {
  await changePlaces(trx, actor, 'station', changes, at, async () => {
    // A sheet's changed rows all set the same columns: a few statements for thousands of them.
    await updateRowsById(
      trx,
      'stations',
      changes.map(({ id, patch }) => ({ id, set: { ...stationColumns(patch), updated_at: at } })),
      COORDINATES,
    )
    const withServices = changes.flatMap(({ id, patch }) => (patch.services ? [{ id, services: patch.services }] : []))
    await replaceServices(trx, withServices, false)
  })
}

/** Every write to stations: each in one transaction with its audit row, then the catalog is refreshed. */
export function createStationCommands(
  db: Db,
  clock: () => Date,
  onChange: () => void,
  quotas: Pick<Quotas, 'reportsPerHour'>,
) {
  const now = () => clock().toISOString()

  async function create(actor: User, fields: StationFields): Promise<string> {
    const id = await db.transaction().execute((trx) => insertStation(trx, actor, fields, now()))
    onChange()
    return id
  }

  async function update(actor: User, id: string, patch: StationPatchFields): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await assertStationInScope(trx, actor, id)
      await changeStation(trx, actor, id, patch, now())
    })
    onChange()
  }

  async function setService(actor: User, id: string, key: ServiceKey, toggle: z.output<typeof serviceToggleSchema>) {
    const at = now()
    await db.transaction().execute(async (trx) => {
      await assertStationInScope(trx, actor, id)
      const updated = await trx
        .updateTable('station_services')
        .set({
          ...(toggle.available !== undefined && { available: toggle.available ? 1 : 0 }),
          ...(toggle.note !== undefined && { note: toggle.note }),
        })
        .where('station_id', '=', id)
        .where('service_key', '=', key)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) === 0) {
        throw notFound.stationService(key)
      }
      await trx.updateTable('stations').set({ updated_at: at }).where('id', '=', id).execute()
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'station',
        entityId: id,
        action: 'service',
        detail: { key, ...toggle },
        at,
      })
    })
    onChange()
  }

  async function report(
    reporter: User,
    stationId: string,
    input: z.output<typeof reportCreateSchema>,
  ): Promise<string> {
    if (input.category === 'other' && !input.text) {
      throw errors.badRequest('请简单描述遇到的问题', 'Please describe the problem')
    }
    const station = await db.selectFrom('stations').select('id').where('id', '=', stationId).executeTakeFirst()
    if (!station) throw notFound.station()
    const now = clock()
    const id = newId('rp')
    await db.transaction().execute(async (trx) => {
      await assertWithinQuota(trx, reporter.id, quotas.reportsPerHour, now, (since) =>
        storedSince(trx, 'station_reports', reporter.id, since),
      )
      await trx
        .insertInto('station_reports')
        .values({
          id,
          station_id: stationId,
          user_id: reporter.id,
          category: input.category,
          text: input.text,
          status: 'open',
          created_at: now.toISOString(),
        })
        .execute()
    })
    return id
  }

  async function resolveReport(actor: User, reportId: string, note: string | undefined): Promise<void> {
    const at = now()
    await db.transaction().execute(async (trx) => {
      const target = await trx
        .selectFrom('station_reports')
        .select('station_id')
        .where('id', '=', reportId)
        .executeTakeFirst()
      if (!target) throw notFound.report()
      await assertStationInScope(trx, actor, target.station_id)
      const updated = await trx
        .updateTable('station_reports')
        .set({ status: 'resolved', resolved_at: at, resolved_by: actor.id, resolution_note: note ?? null })
        .where('id', '=', reportId)
        .where('status', '=', 'open')
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) === 0) {
        throw errors.conflict('REPORT_ALREADY_RESOLVED', '该反馈已处理', 'This report has already been resolved')
      }
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'station_report',
        entityId: reportId,
        action: 'resolve',
        detail: { note },
        at,
      })
    })
  }

  return { create, update, setService, report, resolveReport }
}
