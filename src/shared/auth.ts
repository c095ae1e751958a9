import Taro from '@tarojs/taro'
import type { AuthResponse, User } from '@contract'
import { call, type Body } from './client'
import { KEYS, readStorage, writeStorage } from './storage'

type DevLoginBody = Body<'POST /api/auth/dev'>

export const currentUser = () => readStorage<User>(KEYS.user) ?? null

function keep(auth: AuthResponse): User {
  writeStorage(KEYS.token, auth.token)
  writeStorage(KEYS.user, auth.user)
  return auth.user
}

/** WeChat login: the code from wx.login is exchanged for a session by the API. */
export async function loginWithWechat(): Promise<User> {
  const { code } = await Taro.login()
  return keep(await call('POST /api/auth/wechat', { body: { code } }))
}

/** Demo identities; the API offers this only with AUTH_DEV_LOGIN=1 outside production. */
export async function loginAsDemo(body: DevLoginBody): Promise<User> {
  return keep(await call('POST /api/auth/dev', { body }))
}

/** A session made elsewhere (a desk code approved on a phone): kept once the API has said whose it is. */
export async function keepSession(token: string): Promise<User> {
  writeStorage(KEYS.token, token)
  const { user } = await call('GET /api/me', { toast: false })
  return keep({ token, user })
}

function forget(): void {
  writeStorage(KEYS.token, undefined)
  writeStorage(KEYS.user, undefined)
}

/**
 * Ends the session on the server, so a copy of the token stops working too (`everywhere`: every device of the
 * person). The device forgets it whatever the answer: offline or already expired, the person still asked to leave.
 */
export async function logout(everywhere = false): Promise<void> {
  try {
    await call('POST /api/auth/logout', { body: everywhere ? { everywhere } : {}, toast: false })
  } catch {
    // Nothing to tell: the token is forgotten below either way.
  } finally {
    forget()
  }
}

/** PIPL: the server removes name, phone and registration; the device forgets the session. */
export async function deleteAccount(): Promise<void> {
  await call('DELETE /api/me')
  forget()
}
