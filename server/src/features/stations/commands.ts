import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import { recordChange } from '../../shared/audit.js'
import { errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import { newId } from '../../shared/ids.js'
import { assertWithinQuota, storedSince, type Quotas } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { communityForNewPlace } from '../community/scope.js'
import type {
  reportCreateSchema,
  serviceToggleSchema,
  stationCreateSchema,
  stationPatchSchema,
  ServiceKey,
} from './schemas.js'
import { assertStationInScope } from './scope.js'
import { setPlacePhotos } from '../uploads/photos.js'

type StationFields = z.output<typeof stationCreateSchema>
type StationPatchFields = z.output<typeof stationPatchSchema>

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

async function replaceServices(trx: Transaction<Database>, stationId: string, services: StationFields['services']) {
  await trx.deleteFrom('station_services').where('station_id', '=', stationId).execute()
  if (services.length === 0) return
  await trx
    .insertInto('station_services')
    .values(
      services.map((s, index) => ({
        station_id: stationId,
        service_key: s.key,
        available: s.available ? (1 as const) : (0 as const),
        note: s.note ?? null,
        sort_order: index,
      })),
    )
    .execute()
}

/** Adds a station inside the caller's transaction (a form's single write, or one row of a sheet), audited. */
export async function insertStation(
  trx: Transaction<Database>,
  actor: User,
  fields: StationFields,
  at: string,
): Promise<string> {
  const id = newId('st')
  const communityId = await communityForNewPlace(trx, actor, fields.communityId)
  await setPlacePhotos(trx, 'station', id, fields.photos)
  await trx
    .insertInto('stations')
    .values({
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
      is_demo: 0,
      created_at: at,
      updated_at: at,
    })
    .execute()
  await replaceServices(trx, id, fields.services)
  await recordChange(trx, {
    actorId: actor.id,
    entity: 'station',
    entityId: id,
    action: 'create',
    detail: { ...fields, communityId },
    at,
  })
  return id
}

/** Changes a station the actor acts for, inside the caller's transaction, audited. */
export async function changeStation(
  trx: Transaction<Database>,
  actor: User,
  id: string,
  patch: StationPatchFields,
  at: string,
): Promise<void> {
  const { services, ...fields } = patch
  // Handing a station to another community takes acting for both.
  if (fields.communityId !== undefined) await communityForNewPlace(trx, actor, fields.communityId)
  await setPlacePhotos(trx, 'station', id, fields.photos)
  await trx
    .updateTable('stations')
    .set({ ...stationColumns(fields), updated_at: at })
    .where('id', '=', id)
    .execute()
  if (services) await replaceServices(trx, id, services)
  await recordChange(trx, { actorId: actor.id, entity: 'station', entityId: id, action: 'update', detail: patch, at })
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
