/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

/** Base URL of the API, set at build time (config/index.ts). */
declare const API_BASE: string

/** Map tile URL template for the H5 map (Leaflet), set at build time (config/index.ts). */
declare const TILE_URL: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_API_BASE?: string
  }
}

declare namespace Taro.getAppBaseInfo {
  interface Result {
    /** WeChat's own text size in px (base library 2.23.4); Taro's types leave it out. */
    fontSizeSetting?: number
  }
}
