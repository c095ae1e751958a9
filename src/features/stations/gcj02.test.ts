import { distanceMetres } from '../../../server/src/shared/geo'
import { wgs84ToGcj02 } from './gcj02'

describe('a browser position on China’s map datum', () => {
  it('matches the published conversion of a reference point', () => {
    const { lat, lng } = wgs84ToGcj02(39.915, 116.404)
    expect(lat).toBeCloseTo(39.91640428150164, 9)
    expect(lng).toBeCloseTo(116.41024449916938, 9)
  })

  it('moves a point in the old town by the few hundred metres that put it on the right street', () => {
    const wgs = { lat: 23.6693, lng: 116.6389 }
    const shift = distanceMetres(wgs, wgs84ToGcj02(wgs.lat, wgs.lng))
    expect(shift).toBeGreaterThan(300)
    expect(shift).toBeLessThan(700)
  })
})
