import { ensureTaroBuild } from '../../scripts/taro-build'
import { callApi } from './http'
import { startApiProcess, type RunningServer } from './server-process'

/** Where a phone standing at the 牌坊街 station is, as wx.getLocation reports it (GCJ-02). */
export const AT_PAIFANG = { latitude: 23.6665, longitude: 116.644 }

/**
 * For the describe block it is called in: the compiled weapp build, and an API process on the demo data.
 * `base` may be read once the block's beforeAll hooks have run (hooks registered after this call see it).
 */
export function builtWeappWithApi(env: Record<string, string> = {}): { readonly base: string } {
  let server: RunningServer | undefined
  beforeAll(async () => {
    ensureTaroBuild('weapp')
    server = await startApiProcess(env)
  }, 300_000)
  afterAll(() => server?.stop())
  return {
    get base() {
      if (!server) throw new Error('the API is not running yet: read base inside a test or a later hook')
      return server.base
    },
  }
}

/**
 * Signs in through the dev login, as the app does after wx.login; `storage` is what the app then keeps. A dev `member` is
 * a verified 双报到 member.
 */
export async function signedIn(
  base: string,
  openid: string,
  role: 'resident' | 'member' | 'staff' = 'resident',
  nickname?: string,
) {
  const { body } = await callApi(base, 'POST', '/api/auth/dev', {
    body: { openid, role, ...(nickname && { nickname }) },
  })
  const { token, user } = body as { token: string; user: object }
  return { token, user, storage: { 'oth.token': token, 'oth.user': user } }
}
