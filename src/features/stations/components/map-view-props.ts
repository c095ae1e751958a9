import type { StationSummary } from '@contract'
import type { Origin } from '../api'

/**
 * What either map renderer gets: the stations, where to centre, the visitor (GCJ-02) and what a tap on a marker does.
 * A module of its own so that `StationMap` and the renderers it picks import it without importing each other.
 */
export interface MapViewProps {
  stations: StationSummary[]
  centre: { lat: number; lng: number }
  zoom: number
  /** The map's accessible name: which town it shows. */
  label: string
  origin: Origin
  nameOf(station: StationSummary): string
  onSelect(id: string): void
}
