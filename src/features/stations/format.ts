import type { ServiceKey, StationAccess, StationKind } from '@contract'
import type { MessageKey } from '../../shared/i18n'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

export function formatDistance(t: T, metres: number | null): string | null {
  if (metres === null) return null
  return metres < 1000
    ? t('stations.distanceM', { n: metres })
    : t('stations.distanceKm', { n: (metres / 1000).toFixed(1) })
}

/** Every service key in display order; the record type makes a new key a compile error until it is listed. */
const SERVICE_ORDER: Record<ServiceKey, number> = {
  hot_water: 0,
  charging: 1,
  travel_info: 2,
  restroom: 3,
  first_aid: 4,
  umbrella: 5,
  wifi: 6,
}
export const SERVICES = Object.keys(SERVICE_ORDER) as ServiceKey[]
export const serviceLabel = (key: ServiceKey): MessageKey => `service.${key}`

const KIND_ORDER: Record<StationKind, number> = {
  service_station: 0,
  party_member_shop: 1,
  contact_point: 2,
  micro_post: 3,
}
export const KINDS = Object.keys(KIND_ORDER) as StationKind[]

/** The access facts in the order a visitor reads them: getting in first. */
export const ACCESS_FACTS: (keyof StationAccess)[] = ['stepFree', 'accessibleToilet', 'babyCare', 'seating']
