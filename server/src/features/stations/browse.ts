import { errors } from '../../shared/errors.js'
import { distanceMetres } from '../../shared/geo.js'
import type { Origin } from '../../shared/params.js'
import { isOpenAt, rangesOn, shanghaiClock, type ShanghaiClock } from './hours.js'
import type { StationRecord } from './queries.js'
import type { ServiceKey, StationDetail, StationKind, StationListResponse, StationSummary } from './schemas.js'

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
  limit: number
  cursor?: string
  now: Date
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url')

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!match)
    throw errors.badRequest(
      '翻页参数 cursor 无效，请从第一页重新加载',
      'The cursor is not valid; reload from the first page',
    )
  return Number(match[1])
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
  const offset = decodeCursor(options.cursor)
  const matching = records.filter(
    (r) =>
      (!options.kind || r.kind === options.kind) &&
      (!options.service || r.services.some((s) => s.key === options.service)),
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
  return { items, nextCursor: next < visible.length ? encodeCursor(next) : null }
}
