import { Text, View } from '@tarojs/components'
import type { StationSummary } from '@contract'
import { useSettings } from '../../../shared/settings'
import { formatDistance, serviceLabel } from '../format'
import './StationCard.scss'

export function StationCard({ station, onOpen }: { station: StationSummary; onOpen(id: string): void }) {
  const { t, inLanguage } = useSettings()
  const distance = formatDistance(t, station.distanceM)
  const name = inLanguage(station.name, station.nameEn)
  return (
    <View
      id={`station-${station.id}`}
      className="station-card card"
      hoverClass="station-card--pressed"
      ariaRole="button"
      ariaLabel={`${name} ${t(`kind.${station.kind}`)} ${distance ?? ''}`}
      onClick={() => onOpen(station.id)}
    >
      <View className="station-card__head">
        <Text className="station-card__name">{name}</Text>
        {distance ? <Text className="station-card__distance">{distance}</Text> : null}
      </View>
      <View className="station-card__meta">
        <Text className={`badge ${station.openNow ? 'badge--open' : 'badge--closed'}`}>
          {station.openNow ? t('stations.openNow') : t('stations.closedNow')}
        </Text>
        <Text className="station-card__kind muted">{t(`kind.${station.kind}`)}</Text>
      </View>
      <Text className="station-card__address muted">{station.address}</Text>
      <View className="station-card__services">
        {station.services.map((s) => (
          <Text key={s.key} className={`chip ${s.available ? '' : 'chip--off'}`}>
            {t(serviceLabel(s.key))}
            {s.available ? '' : ` · ${t('stations.paused')}`}
          </Text>
        ))}
      </View>
    </View>
  )
}
