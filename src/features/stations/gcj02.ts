/**
 * GCJ-02, the published offset every map in mainland China uses, and WGS-84 (GPS, OpenStreetMap, open data). The
 * stations are stored in GCJ-02 (what WeChat gives a mini-program); a browser's geolocation is WGS-84 and is several
 * hundred metres off without converting it, and so would be open data handed out unconverted. Shared by the app (H5
 * positions) and the server (the GeoJSON feed).
 */
const A = 6378245.0 // Krasovsky 1940 semi-major axis
const EE = 0.006693421622965943 // its eccentricity squared

export interface LatLng {
  lat: number
  lng: number
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return r
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return r
}

export function wgs84ToGcj02(lat: number, lng: number): LatLng {
  const dLat0 = transformLat(lng - 105.0, lat - 35.0)
  const dLng0 = transformLng(lng - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) ** 2
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (dLat0 * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (dLng0 * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return { lat: lat + dLat, lng: lng + dLng }
}

/** Below a millionth of a degree (about 0.1 m) the inverse is as good as the stored coordinates. */
const INVERSE_TOLERANCE_DEG = 1e-7

/**
 * GCJ-02 → WGS-84. The offset has no closed-form inverse; it changes slowly with position, so stepping back by the
 * offset found at the current guess converges to well under a metre in two or three steps.
 */
export function gcj02ToWgs84(lat: number, lng: number): LatLng {
  let guess = { lat, lng }
  for (let step = 0; step < 10; step += 1) {
    const there = wgs84ToGcj02(guess.lat, guess.lng)
    const miss = { lat: there.lat - lat, lng: there.lng - lng }
    guess = { lat: guess.lat - miss.lat, lng: guess.lng - miss.lng }
    if (Math.abs(miss.lat) < INVERSE_TOLERANCE_DEG && Math.abs(miss.lng) < INVERSE_TOLERANCE_DEG) break
  }
  return guess
}
