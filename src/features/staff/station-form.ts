import type { ServiceKey, StaffScope, StationDetail, StationKind, Town, WeeklyHours } from '@contract'
import { STATION_LIMITS } from '@values/limits'
import type { Body } from '../../shared/client'
import { SERVICE_KEYS } from '@values/orders'

type StationCreate = Body<'POST /api/stations'>

/** One day of the week as the form edits it: one opening range, or closed. */
export interface Day {
  closed: boolean
  open: string
  close: string
}

/** The station editor's fields, as typed: numbers stay text until the body is built. */
export interface StationDraft {
  communityId: string | null
  name: string
  nameEn: string
  kind: StationKind
  address: string
  lat: string
  lng: string
  phone: string
  days: Day[]
  services: Partial<Record<ServiceKey, { available: boolean }>>
  pledges: string
  /** As the API stores them: `/api/uploads/…` for photos taken here, https URLs for others. */
  photos: string[]
}

const NEW_STATION: Omit<StationDraft, 'communityId' | 'lat' | 'lng'> = {
  name: '',
  nameEn: '',
  kind: 'service_station',
  address: '',
  phone: '',
  days: Array.from({ length: 7 }, () => ({ closed: false, open: '09:00', close: '18:00' })),
  services: { hot_water: { available: true } },
  pledges: '',
  photos: [],
}

/**
 * What the form starts from: the station as the API has it, or a new one at the town's centre in the first community
 * the staff user acts for (a district account may pick another).
 */
export function stationDraft(scope: StaffScope, station: StationDetail | null, town: Town | null): StationDraft {
  if (!station) {
    const at = { lat: String(town?.center.lat ?? ''), lng: String(town?.center.lng ?? '') }
    return { ...NEW_STATION, ...at, communityId: scope.items[0]?.id ?? null }
  }
  return {
    communityId: station.communityId,
    name: station.name,
    nameEn: station.nameEn,
    kind: station.kind,
    address: station.address,
    lat: String(station.lat),
    lng: String(station.lng),
    phone: station.phone ?? '',
    // The form edits one range a day, the common case; a day with none is a closed day.
    days: station.hours.weekly.map((ranges) =>
      ranges[0]
        ? { closed: false, open: ranges[0][0], close: ranges[0][1] }
        : { closed: true, open: '09:00', close: '18:00' },
    ),
    services: Object.fromEntries(station.services.map((x) => [x.key, { available: x.available }])),
    pledges: station.pledges.join('\n'),
    photos: station.photos,
  }
}

/** The body the API takes: services in display order, one pledge a line, blank optional fields left out. */
export function stationBody(d: StationDraft): StationCreate {
  const hours: WeeklyHours = { weekly: d.days.map((day) => (day.closed ? [] : [[day.open, day.close]])) }
  return {
    communityId: d.communityId ?? undefined,
    name: d.name,
    nameEn: d.nameEn || undefined,
    kind: d.kind,
    address: d.address,
    lat: Number(d.lat),
    lng: Number(d.lng),
    phone: d.phone || null,
    hours,
    services: SERVICE_KEYS.filter((k) => d.services[k]).map((key) => ({
      key,
      available: d.services[key]?.available ?? true,
    })),
    pledges: d.pledges
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
    photos: d.photos,
  }
}

/**
 * The pledges as typed, kept to what the API takes: one pledge a line, at most `STATION_LIMITS.pledges.items` lines of
 * at most `.length` characters; typing past either stops there, as a field stops at its maxlength.
 */
export function fitPledges(text: string): string {
  const { items, length } = STATION_LIMITS.pledges
  return text
    .split('\n')
    .slice(0, items)
    .map((pledge) => pledge.slice(0, length))
    .join('\n')
}
