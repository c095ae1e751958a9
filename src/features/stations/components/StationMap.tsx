import { View } from '@tarojs/components'
import type { StationSummary } from '@contract'
import { useCallback, useState } from 'react'
import { useSettings } from '../../../shared/settings'
import { useTown } from '../../../shared/town'
import type { Origin } from '../api'
import { MapView } from './MapView'
import { StationCard } from './StationCard'

/**
 * The stations on a map; a tapped marker shows its station's card, the card opens the detail. The renderer is
 * chosen at build time: `MapView.tsx` (WeChat's native map) or `MapView.h5.tsx` (Leaflet, browser build only).
 */
export function StationMap({
  stations,
  origin,
  onOpen,
}: {
  stations: StationSummary[]
  origin: Origin
  onOpen(id: string): void
}) {
  const { inLanguage } = useSettings()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const selected = stations.find((s) => s.id === selectedId)
  // Stable while the language stays, so the web map is not rebuilt when a marker is tapped.
  const nameOf = useCallback((s: StationSummary) => inLanguage(s.name, s.nameEn), [inLanguage])
  // The town's centre when the visitor's own position is unknown.
  const town = useTown()
  const centre = origin ?? town?.center
  if (!centre) return <View className="station-map" />
  return (
    <View className="station-map">
      <MapView
        stations={stations}
        centre={centre}
        zoom={town?.zoom ?? 16}
        label={town ? inLanguage(town.name, town.nameEn) : ''}
        origin={origin}
        nameOf={nameOf}
        onSelect={setSelectedId}
      />
      {selected ? (
        <View id="map-selected" className="station-map__card">
          <StationCard station={selected} onOpen={onOpen} />
        </View>
      ) : null}
    </View>
  )
}
