import { Text, View } from '@tarojs/components'
import type { StationSummary } from '@contract'
import { useSettings } from '../../../shared/settings'
import { spokenLabel } from '../../../shared/ui/a11y'
import { formatDistance, serviceLabel } from '../format'
import './StationCard.scss'

/**
 * One station in a list: name, distance, open now, kind and address, services. Kept to a few flat nodes (kind and
 * address one line, the services another): a list of fifty stays light to send and to lay out on an elder's phone.
 */
export function StationCard({ station, onOpen }: { station: StationSummary; onOpen(id: string): void }) {
  const { t, inLanguage } = useSettings()
  const distance = formatDistance(t, station.distanceM)
  const name = inLanguage(station.name, station.nameEn)
  const kind = t(`kind.${station.kind}`)
  const open = station.openNow ? t('stations.openNow') : t('stations.closedNow')
  const services = station.services
    .map((s) => (s.available ? t(serviceLabel(s.key)) : t('stations.servicePaused', { name: t(serviceLabel(s.key)) })))
    .join(' · ')
  return (
    <View
      id={`station-${station.id}`}
      className="station-card card"
      hoverClass="card--pressed"
      ariaRole="button"
      {...spokenLabel([name, kind, distance, open].filter(Boolean).join('，'))}
      onClick={() => onOpen(station.id)}
    >
      {distance ? <Text className="distance">{distance}</Text> : null}
      <Text className="name">{name}</Text>
      <Text className={`badge badge--${station.openNow ? 'open' : 'closed'}`}>{open}</Text>
      <Text className="place muted">{`${kind} · ${station.address}`}</Text>
      <Text className="services">{services}</Text>
    </View>
  )
}
