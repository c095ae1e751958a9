import { constants } from 'node:zlib'
import type { UserConfigExport } from '@tarojs/cli'
import CompressionPlugin from 'compression-webpack-plugin'

/** Text assets worth compressing; images and fonts are compressed already. */
const TEXT_ASSETS = /\.(js|css|html|svg|json)$/

export default {
  mini: {},
  h5: {
    // Brotli and gzip copies made once at build time, so the server sends them as they are (preCompressed) and never
    // compresses on the request's time.
    webpackChain(chain) {
      chain
        .plugin('gzip')
        .use(CompressionPlugin, [
          { test: TEXT_ASSETS, algorithm: 'gzip', filename: '[path][base].gz', compressionOptions: { level: 9 } },
        ])
      chain.plugin('brotli').use(CompressionPlugin, [
        {
          test: TEXT_ASSETS,
          algorithm: 'brotliCompress',
          filename: '[path][base].br',
          compressionOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } },
        },
      ])
    },
  },
} satisfies UserConfigExport
