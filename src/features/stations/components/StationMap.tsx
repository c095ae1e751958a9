import { Map } from '@tarojs/components'
import type { StationSummary } from '@contract'
import { useSettings } from '../../../shared/settings'
import marker from '../../../assets/marker.png'
import type { Origin } from '../api'

/** 牌坊街: the map's centre when the visitor's own position is unknown. */
const OLD_TOWN = { lat: 23.6665, lng: 116.644 }

export function StationMap({ stations, origin, onOpen }: { stations: StationSummary[]; origin: Origin; onOpen(id: string): void }) {
  const { language } = useSettings()
  const centre = origin ?? OLD_TOWN
  const markers = stations.map((s, index) => ({
    id: index,
    latitude: s.lat,
    longitude: s.lng,
    title: language === 'en' ? s.nameEn : s.name,
    iconPath: marker as string,
    width: 28,
    height: 35,
    callout: { content: language === 'en' ? s.nameEn : s.name, display: 'BYCLICK' as const, padding: 8, borderRadius: 8, color: '#2B2118', fontSize: 13, bgColor: '#FFFFFF', textAlign: 'center' as const, anchorX: 0, anchorY: 0, borderWidth: 0, borderColor: '#FFFFFF' },
  }))
  return (
    <Map
      id="station-map"
      className="stations__map"
      latitude={centre.lat}
      longitude={centre.lng}
      scale={16}
      showLocation
      markers={markers}
      onCalloutTap={(e) => {
        const station = stations[Number(e.detail.markerId)]
        if (station) onOpen(station.id)
      }}
      onMarkerTap={(e) => {
        const station = stations[Number(e.detail.markerId)]
        if (station) onOpen(station.id)
      }}
      onError={() => undefined}
    />
  )
}
