import { distanceMetres } from '../../shared/geo.js'
import type { Origin } from '../../shared/params.js'
import { decodeOffsetCursor, encodeOffsetCursor } from '../../shared/offset-cursor.js'
import { serializerFor } from '../../shared/serializer.js'
import { isOpenAt, rangesOn, shanghaiClock, type ShanghaiClock } from './hours.js'
import type { StationRecord } from './queries.js'
import {
  stationSummarySchema,
  type AccessFact,
  type ServiceKey,
  type StationDetail,
  type StationKind,
  type StationListResponse,
  type StationSummary,
} from './schemas.js'

/** Without a location, the order a visitor expects: the big service stations first, then shops and contact points. */
const KIND_ORDER: Record<StationKind, number> = {
  service_station: 0,
  party_member_shop: 1,
  contact_point: 2,
  micro_post: 3,
}

export interface BrowseOptions {
  kind?: StationKind
  service?: ServiceKey
  origin?: Origin
  openNow?: boolean
  /** Facts that must all be "yes". */
  access?: AccessFact[]
  limit: number
  cursor?: string
  now: Date
}

function summarise(r: StationRecord, origin: Origin | undefined, clock: ShanghaiClock): StationSummary {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.nameEn,
    kind: r.kind,
    communityId: r.communityId,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    services: r.services.map(({ key, available }) => ({ key, available })),
    access: r.access,
    openNow: isOpenAt(r.opening, clock),
    distanceM: origin ? Math.round(distanceMetres(origin, r)) : null,
  }
}

/** One station as its detail page shows it, judged by the same rules as the list. */
export function describeStation(r: StationRecord, origin: Origin | undefined, now: Date): StationDetail {
  const clock = shanghaiClock(now)
  return {
    ...summarise(r, origin, clock),
    phone: r.phone,
    hours: r.hours,
    todayHours: rangesOn(r.hours, clock),
    services: r.services,
    photos: r.photos,
    pledges: r.pledges,
  }
}

/**
 * The one place that decides what a station list shows: open-now on the Shanghai clock, distance from the
 * visitor, the filters, the order, and the page. The station table is small (a district's worth), so this
 * runs in memory over the catalog.
 */
export function browseStations(records: StationRecord[], options: BrowseOptions): StationListResponse {
  const offset = decodeOffsetCursor(options.cursor)
  const matching = records.filter(
    (r) =>
      (!options.kind || r.kind === options.kind) &&
      (!options.service || r.services.some((s) => s.key === options.service)) &&
      (!options.access || options.access.every((fact) => r.access[fact] === 'yes')),
  )
  const clock = shanghaiClock(options.now)
  const summaries = matching.map((r) => summarise(r, options.origin, clock))
  const visible = options.openNow ? summaries.filter((s) => s.openNow) : summaries
  visible.sort((a, b) =>
    a.distanceM !== null && b.distanceM !== null
      ? a.distanceM - b.distanceM || a.id.localeCompare(b.id)
      : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id),
  )

  const items = visible.slice(offset, offset + options.limit)
  const next = offset + options.limit
  return { items, nextCursor: next < visible.length ? encodeOffsetCursor(next) : null }
}

/** What a list shows of a station that is the same for every visitor: all of it but open-now and the distance. */
const writeFixedSummary = serializerFor(stationSummarySchema.omit({ openNow: true, distanceM: true }))

/**
 * The JSON of list pages over these records. A station's names, address and services are the same for every visitor
 * until the catalog changes, so the schema's serializer writes them once per catalog version and a page only adds
 * open-now and the distance: writing every station's text again was the largest part of a list request in the
 * profile. What comes out is still exactly the list schema (the tests check every reply against the contract).
 */
export function listEncoderFor(records: StationRecord[]): (page: StationListResponse) => string {
  // The fixed schema leaves out open-now and the distance, so any moment and no origin will do here.
  const anyMoment = shanghaiClock(new Date(0))
  // Each without its closing brace, so the per-visitor fields can follow.
  const fixedJson = new Map(
    records.map((r) => [r.id, writeFixedSummary(summarise(r, undefined, anyMoment)).slice(0, -1)]),
  )
  const fixedJsonOf = (id: string) => {
    const json = fixedJson.get(id)
    if (json === undefined) throw new Error(`Station ${id} is not in the catalog this encoder was made for`)
    return json
  }
  return ({ items, nextCursor }) => {
    const summaries = items.map(
      (s) => `${fixedJsonOf(s.id)},"openNow":${String(s.openNow)},"distanceM":${String(s.distanceM)}}`,
    )
    return `{"items":[${summaries.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`
  }
}
