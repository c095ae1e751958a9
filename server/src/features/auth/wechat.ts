import type { Config } from '../../config.js'
import { ApiError } from '../../shared/errors.js'

/** Exchanges a `wx.login` code for the user's openid through WeChat's code2session. */
export async function code2Session(config: Config, code: string): Promise<string> {
  const url = new URL('/sns/jscode2session', config.WX_API_BASE)
  url.search = new URLSearchParams({
    appid: config.WX_APPID ?? '',
    secret: config.WX_SECRET ?? '',
    js_code: code,
    grant_type: 'authorization_code',
  }).toString()
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
  const body = (await response.json()) as { openid?: string; errcode?: number; errmsg?: string }
  if (!body.openid) {
    throw new ApiError(401, 'INVALID_WECHAT_CODE', '微信登录凭证无效或已过期，请重试', 'The WeChat login code is invalid or expired; try again')
  }
  return body.openid
}
