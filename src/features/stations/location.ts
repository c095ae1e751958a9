import Taro from '@tarojs/taro'
import type { Origin } from './api'
import { wgs84ToGcj02 } from './gcj02'

/** The visitor's GCJ-02 position, or null when they decline: the list then keeps its default order. */
export async function locate(): Promise<Origin> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      // Browsers only give WGS-84.
      const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' })
      return wgs84ToGcj02(latitude, longitude)
    }
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    return { lat: latitude, lng: longitude }
  } catch {
    return null
  }
}
