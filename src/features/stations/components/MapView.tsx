import { Map } from '@tarojs/components'
import marker from '../../../assets/marker.png'
import type { MapViewProps } from './StationMap'

/** The WeChat renderer: the native map, markers with a callout that names the station. */
export function MapView({ stations, centre, origin, nameOf, onSelect }: MapViewProps) {
  const markers = stations.map((s, index) => ({
    id: index,
    latitude: s.lat,
    longitude: s.lng,
    title: nameOf(s),
    iconPath: marker as string,
    width: 28,
    height: 35,
    callout: {
      content: nameOf(s),
      display: 'BYCLICK' as const,
      padding: 8,
      borderRadius: 8,
      color: '#2B2118',
      fontSize: 13,
      bgColor: '#FFFFFF',
      textAlign: 'center' as const,
      anchorX: 0,
      anchorY: 0,
      borderWidth: 0,
      borderColor: '#FFFFFF',
    },
  }))
  const select = (markerId: number | string) => {
    const station = stations[Number(markerId)]
    if (station) onSelect(station.id)
  }
  return (
    <Map
      id="station-map"
      className="stations__map"
      latitude={centre.lat}
      longitude={centre.lng}
      scale={16}
      showLocation={origin !== null}
      showScale
      markers={markers}
      onCalloutTap={(e) => select(e.detail.markerId)}
      onMarkerTap={(e) => select(e.detail.markerId)}
      onError={() => undefined}
    />
  )
}
