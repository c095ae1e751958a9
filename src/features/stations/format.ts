import type { ServiceKey } from '@contract'
import type { MessageKey } from '../../shared/i18n'

type T = (key: MessageKey, params?: Record<string, string | number>) => string

export function formatDistance(t: T, metres: number | null): string | null {
  if (metres === null) return null
  return metres < 1000
    ? t('stations.distanceM', { n: metres })
    : t('stations.distanceKm', { n: (metres / 1000).toFixed(1) })
}

export const serviceLabel = (key: ServiceKey): MessageKey => `service.${key}`
