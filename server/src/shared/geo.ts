const EARTH_RADIUS_M = 6_371_008.8

const rad = (deg: number) => (deg * Math.PI) / 180

/**
 * Great-circle distance in metres. GCJ-02 offsets are locally uniform, so distances between two GCJ-02
 * points inside the old town are accurate to well under a metre.
 */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
