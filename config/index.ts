import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/** Plain constants both sides share (limits, enum orders, the Shanghai clock, page paths): the app imports `@values/…`. */
const values = path.resolve(__dirname, '..', 'server/src/shared/values')

/** The API the app talks to: same origin for the H5 build served by the API, a local API for weapp dev. */
const apiBase = process.env.TARO_APP_API_BASE ?? (process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000')

/**
 * Map tiles for the H5 build's Leaflet map. AutoNavi's tiles are in GCJ-02, the datum of the stations' coordinates
 * and of WeChat's map, so markers sit on the right street; another GCJ-02 service can be named with TILE_URL.
 */
const tileUrl =
  process.env.TILE_URL ??
  'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'

/**
 * WeChat reads a screen reader's names and roles from `aria-*` attributes in the .wxml, but Taro's templates carry
 * none of them: these add the ones the app sets (`ariaLabel`, `ariaRole`, and the state of chips and tabs) to the
 * components that take them, so the labels reach the rendered page.
 */
const ARIA = { 'aria-label': '', 'aria-hidden': '' }
const ARIA_CONTROL = { ...ARIA, 'aria-role': '', 'aria-checked': '', 'aria-selected': '' }
const ariaInWxml = {
  components: { View: ARIA_CONTROL, Text: ARIA, Button: ARIA, Image: ARIA, Switch: ARIA },
}

export default defineConfig(async (merge, { mode }) => {
  const baseConfig: UserConfigExport = {
    projectName: 'old-town-hub',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [['@tarojs/plugin-inject', ariaInWxml]],
    defineConstants: { API_BASE: JSON.stringify(apiBase), TILE_URL: JSON.stringify(tileUrl) },
    alias: { '@contract': path.resolve(__dirname, '..', 'src/shared/openapi.gen.ts'), '@values': values },
    // The map's marker icon as a file of the weapp package: WeChat's map takes a path for a marker's icon.
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp' ? [{ from: 'src/assets/marker.png', to: 'dist/weapp/assets/marker.png' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Taro compiles TypeScript under src/ only, unless told of another folder.
      compile: { include: [values] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [values] },
      publicPath: '/',
      staticDirectory: 'static',
      // The desk opens at /#/desk (features/desk, in the H5 build only).
      router: { mode: 'hash', customRoutes: { '/features/desk/pages/index/index': '/desk' } },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      // Named by content like the scripts, so the server can let browsers keep them for a year.
      imageUrlLoaderOption: { name: 'static/images/[name].[contenthash:8][ext]' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  return merge({}, baseConfig, mode === 'development' ? devConfig : prodConfig)
})
