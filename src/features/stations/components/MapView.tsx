import { Map } from '@tarojs/components'
import { useUnchanged } from '../../../shared/ui/useUnchanged'
import type { MapViewProps } from './map-view-props'

/**
 * The marker icon as a file of the package (config/index.ts copies it there): WeChat's map takes a path for
 * `iconPath`, not a data URI.
 */
export const MARKER_ICON = '/assets/marker.png'

/**
 * The WeChat renderer: the native map, each marker named after its station (shown when tapped, read by screen
 * readers); a tap shows the station's card under the map. The markers reach the view only when the stations or the
 * language change, not on every render (a refresh, a tapped marker).
 */
export function MapView({ stations, centre, zoom, origin, nameOf, onSelect }: MapViewProps) {
  const markers = useUnchanged(
    stations.map((s, index) => ({
      id: index,
      latitude: s.lat,
      longitude: s.lng,
      iconPath: MARKER_ICON,
      width: 28,
      height: 35,
      title: nameOf(s),
      ariaLabel: nameOf(s),
    })),
  )
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
      scale={zoom}
      showLocation={origin !== null}
      showScale
      markers={markers}
      onMarkerTap={(e) => select(e.detail.markerId)}
      onError={() => undefined}
    />
  )
}
