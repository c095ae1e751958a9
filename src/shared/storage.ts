import Taro from '@tarojs/taro'

/** Every key the app keeps on the device, in one place. */
export const KEYS = {
  token: 'oth.token',
  user: 'oth.user',
  language: 'oth.language',
  largeFont: 'oth.largeFont',
  stationsNeed: 'oth.stationsNeed',
  cachePrefix: 'oth.cache:',
} as const

export function readStorage<T>(key: string): T | undefined {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return value === '' || value === undefined || value === null ? undefined : (value as T)
  } catch {
    return undefined
  }
}

export function writeStorage(key: string, value: unknown): void {
  try {
    if (value === undefined) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // Storage full or unavailable: the app keeps working without persistence.
  }
}
