import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Role } from '@contract'
import { useState } from 'react'
import { loginAsDemo, loginWithWechat } from '../../../../shared/auth'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import './index.scss'

/** Demo people, one per role, with the names the demo data's stories use. */
const DEMO_PEOPLE: { role: Role; nickname: string }[] = [
  { role: 'tourist', nickname: '游客小陈' },
  { role: 'resident', nickname: '林秀英' },
  { role: 'member', nickname: '王志强' },
  { role: 'staff', nickname: '社区小李' },
]
/** Real WeChat login only exists inside WeChat; the H5 build (demos, tests) uses demo identities. */
const insideWechat = process.env.TARO_ENV === 'weapp'

export default function LoginPage() {
  const { t } = useSettings()
  usePageTitle(t('me.login'))
  const [busy, setBusy] = useState(false)
  // The server says which logins it offers: a production build never shows demo identities it would refuse.
  const { data: options, pending } = useScreenData(() => call('GET /api/auth/options'))

  const finish = () => {
    void Taro.showToast({ title: t('login.done'), icon: 'success' })
    setTimeout(() => void Taro.navigateBack(), 400)
  }
  const run = async (login: () => Promise<unknown>) => {
    if (busy) return
    setBusy(true)
    try {
      await login()
      finish()
    } catch {
      // The request client has already shown why.
    } finally {
      setBusy(false)
    }
  }

  if (!options) return pending
  const wechat = insideWechat && options.wechat
  return (
    <Screen>
      {!wechat && !options.dev ? <StateView state="empty" title={t('login.unavailable')} /> : null}
      {wechat ? (
        <View className="card">
          <Button
            id="login-wechat"
            className="btn btn--primary"
            loading={busy}
            onClick={() => void run(loginWithWechat)}
          >
            {t('login.wechat')}
          </Button>
        </View>
      ) : null}
      {options.dev ? (
        <View className="card">
          <Text className="login__title">{t('login.devTitle')}</Text>
          <Text className="muted login__hint">{t('login.devHint')}</Text>
          {DEMO_PEOPLE.map(({ role, nickname }) => (
            <Button
              key={role}
              id={`login-${role}`}
              className="btn btn--ghost login__role"
              disabled={busy}
              onClick={() => void run(() => loginAsDemo({ openid: `demo-${role}`, role, nickname }))}
            >
              {t('login.as', { role: t(`me.role.${role}`) })}
            </Button>
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
