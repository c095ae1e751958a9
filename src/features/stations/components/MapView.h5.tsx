import { Text, View } from '@tarojs/components'
import L from 'leaflet'
import 'leaflet/dist/leaflet.css'
import { useEffect, useRef, useState } from 'react'
import marker from '../../../assets/marker.png'
import { useSettings } from '../../../shared/settings'
import type { MapViewProps } from './map-view-props'
import './MapView.h5.scss'

/** Tiles in GCJ-02, like the stations' coordinates; set at build time (`TILE_URL`, see config/index.ts). */
const TILES = { url: TILE_URL, subdomains: '1234', maxZoom: 18 }

const stationIcon = L.icon({ iconUrl: marker as string, iconSize: [28, 35], iconAnchor: [14, 35] })

/**
 * The browser renderer: Leaflet. Every station is a marker named after it (for screen readers and on hover).
 * When the tiles cannot load (offline, a key missing) the map stays usable on a plain background: markers, the
 * visitor's position and the scale, with a note saying why the streets are missing.
 */
export function MapView({ stations, centre, zoom, label, origin, nameOf, onSelect }: MapViewProps) {
  const { t } = useSettings()
  const container = useRef<HTMLDivElement>(null)
  const [tilesFailed, setTilesFailed] = useState(false)

  useEffect(() => {
    if (!container.current) return
    const map = L.map(container.current, { center: [centre.lat, centre.lng], zoom })
    const everyone = [...stations, ...(origin ? [origin] : [])].map((p): [number, number] => [p.lat, p.lng])
    // Around the visitor when known; otherwise the town's centre at its zoom, as its operators set it.
    if (origin && everyone.length > 1) map.fitBounds(everyone, { padding: [24, 36], maxZoom: 17 })
    L.tileLayer(TILES.url, { subdomains: TILES.subdomains, maxZoom: TILES.maxZoom, attribution: '© AutoNavi' })
      .on('tileerror', () => setTilesFailed(true))
      .addTo(map)
    L.control.scale({ imperial: false }).addTo(map)
    for (const station of stations) {
      const name = nameOf(station)
      L.marker([station.lat, station.lng], { icon: stationIcon, title: name, alt: name, keyboard: true })
        .on('click', () => onSelect(station.id))
        .addTo(map)
    }
    if (origin) {
      L.circleMarker([origin.lat, origin.lng], {
        radius: 8,
        color: '#ffffff',
        weight: 3,
        fillColor: '#1565C0',
        fillOpacity: 1,
      })
        .bindTooltip(t('stations.you'))
        .addTo(map)
    }
    return () => void map.remove()
  }, [stations, centre.lat, centre.lng, zoom, origin, nameOf, onSelect, t])

  return (
    <View className={`station-map__frame ${tilesFailed ? 'station-map--plain' : ''}`}>
      {/* Leaflet adds its own classes to this element: React must never rewrite them. */}
      <div ref={container} id="station-map" className="stations__map" role="region" aria-label={label || undefined} />
      {tilesFailed ? (
        <View id="map-offline" className="notice" role="note">
          <Text>{t('stations.mapOffline')}</Text>
        </View>
      ) : null}
    </View>
  )
}
