import type { ServiceKey, StationAccess, StationKind } from '@contract'
import { ACCESS_FACTS as SHARED_ACCESS_FACTS, SERVICE_KEYS, STATION_KINDS } from '@values/orders'
import type { MessageKey } from '../../shared/i18n'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

export function formatDistance(t: T, metres: number | null): string | null {
  if (metres === null) return null
  return metres < 1000
    ? t('stations.distanceM', { n: metres })
    : t('stations.distanceKm', { n: (metres / 1000).toFixed(1) })
}

/** Every service key, station kind and access fact in display order, as the server lists them. */
export const SERVICES: readonly ServiceKey[] = SERVICE_KEYS
export const serviceLabel = (key: ServiceKey): MessageKey => `service.${key}`

export const KINDS: readonly StationKind[] = STATION_KINDS
export const ACCESS_FACTS: readonly (keyof StationAccess)[] = SHARED_ACCESS_FACTS
