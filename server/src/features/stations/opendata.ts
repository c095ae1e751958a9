import { gcj02ToWgs84 } from '../../../../src/features/stations/gcj02.js'
import type { CatalogSnapshot } from './catalog.js'
import type { StationRecord } from './queries.js'
import type { StationFeatureCollection } from './schemas.js'

/** RFC 7946 advises no more than 6 decimals: about 0.1 m, finer than the stored positions. */
const roundCoordinate = (degrees: number) => Math.round(degrees * 1e6) / 1e6

/** A station as open data: where it is in WGS-84 and what a visitor may use there; nothing about people. */
function featureOf(r: StationRecord): StationFeatureCollection['features'][number] {
  const wgs84 = gcj02ToWgs84(r.lat, r.lng)
  return {
    type: 'Feature',
    id: r.id,
    geometry: { type: 'Point', coordinates: [roundCoordinate(wgs84.lng), roundCoordinate(wgs84.lat)] },
    properties: {
      id: r.id,
      name: r.name,
      nameEn: r.nameEn,
      kind: r.kind,
      address: r.address,
      services: r.services.filter((s) => s.available).map((s) => s.key),
      access: r.access,
      hours: r.hours,
      updatedAt: r.updatedAt,
    },
  }
}

/**
 * The stations' GeoJSON, written once per catalog version: map apps and the city's portal poll it, and between two
 * changes of a station every poll gets the same bytes (and a 304 with the ETag).
 */
export function createOpenDataFeed(): (snapshot: CatalogSnapshot) => string {
  let written: { version: string; json: string } | null = null
  return (snapshot) => {
    if (written?.version !== snapshot.version) {
      const collection: StationFeatureCollection = {
        type: 'FeatureCollection',
        features: snapshot.records.map(featureOf),
      }
      written = { version: snapshot.version, json: JSON.stringify(collection) }
    }
    return written.json
  }
}
