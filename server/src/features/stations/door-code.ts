import type { FastifyBaseLogger } from 'fastify'
import { errors } from '../../shared/errors.js'
import { qrModules } from '../../shared/qr-code.js'
import { h5Address, pagePath, pageUrl } from '../../shared/values/pages.js'
import type { WechatClient } from '../../shared/wechat.js'

/** The station detail page, which reads the station from `id` (a link) or `scene` (a scanned 小程序码). */
export const STATION_DETAIL_PAGE = pagePath('stations/detail')

/**
 * What a poster's code opens: in WeChat, a 小程序码 of the station's detail page (`scene` = the station id); without
 * WeChat credentials, an ordinary QR code of the H5 build's address of that page, which any phone camera opens.
 */
export type DoorCode = { kind: 'wxacode'; image: Buffer } | { kind: 'qr'; url: string; modules: boolean[][] }

const wechatUnavailable = () =>
  errors.wechatUnavailable(
    '暂时无法从微信获取小程序码，请稍后再试',
    'WeChat did not hand out the mini-program code; try again shortly',
  )

/** The H5 address of a station's detail page (the app is served at `/` with hash routing). */
export const stationPageUrl = (base: string, stationId: string) =>
  h5Address(base, pageUrl('stations/detail', { id: stationId }))

/**
 * A station's code never changes (its id and the page are fixed), so each 小程序码 is asked of WeChat once per process
 * and kept; a failed request is forgotten, so the next poster asks again.
 */
export function createDoorCodes(wechat: WechatClient | null, log: FastifyBaseLogger) {
  const wxacodes = new Map<string, Promise<Buffer>>()

  const wxacodeOf = (client: WechatClient, stationId: string) => {
    let image = wxacodes.get(stationId)
    if (!image) {
      image = client.postForFile('/wxa/getwxacode/getunlimited', {
        scene: stationId,
        page: STATION_DETAIL_PAGE,
        // The page exists in every released version; checking it would refuse codes made before the first release.
        check_path: false,
        width: 860,
      })
      wxacodes.set(stationId, image)
      image.catch(() => wxacodes.delete(stationId))
    }
    return image
  }

  return async (stationId: string, publicBase: string): Promise<DoorCode> => {
    if (wechat) {
      try {
        return { kind: 'wxacode', image: await wxacodeOf(wechat, stationId) }
      } catch (error) {
        log.warn({ err: error, stationId }, 'WeChat did not hand out a 小程序码')
        throw wechatUnavailable()
      }
    }
    const url = stationPageUrl(publicBase, stationId)
    return { kind: 'qr', url, modules: qrModules(url) }
  }
}
export type DoorCodes = ReturnType<typeof createDoorCodes>
