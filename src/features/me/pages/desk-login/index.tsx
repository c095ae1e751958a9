import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { shanghaiDateTime } from '../../../../shared/time'
import { Screen } from '../../../../shared/ui/Screen'
import { useNow } from '../../../../shared/ui/useNow'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import './index.scss'

/**
 * The phone's side of 扫码登录: after a scan read a desk's code, this screen says which browser asked and when its code
 * was made, and warns to confirm only a code on one's own screen (someone may have sent theirs: QR-login phishing).
 * Only the confirm button approves.
 */
export default function DeskLoginPage() {
  const { t } = useSettings()
  usePageTitle(t('desk.scanTitle'))
  const ticket = useRouter().params.ticket ?? ''
  const now = useNow(1000)
  const [busy, setBusy] = useState(false)
  const { data, pending, update } = useScreenData(
    () => call('GET /api/auth/desk/{ticket}', { path: { ticket }, toast: false }),
    ticket,
    { onShow: 'first' },
  )
  if (!data) return pending

  const approve = async () => {
    if (busy) return
    setBusy(true)
    try {
      const approved = await call('POST /api/auth/desk/{ticket}/approve', { path: { ticket } })
      update(() => approved)
    } catch {
      // The request client has shown why (the code expired, or was approved already).
    } finally {
      setBusy(false)
    }
  }
  const madeSecondsAgo = Math.max(0, Math.round((now - Date.parse(data.createdAt)) / 1000))
  const open = data.status === 'pending' && now < Date.parse(data.expiresAt)

  return (
    <Screen className="desk-login">
      <View className="card">
        <Text id="desk-login-question" className="desk-login__question">
          {data.status === 'approved' ? t('desk.approved') : t('desk.question')}
        </Text>
        <View className="desk-login__row">
          <Text className="muted">{t('desk.browser')}</Text>
          <Text id="desk-login-browser">{data.browser}</Text>
        </View>
        <View className="desk-login__row">
          <Text className="muted">{t('desk.madeAt')}</Text>
          <Text id="desk-login-made">
            {t('desk.madeAgo', { time: shanghaiDateTime(data.createdAt).time, n: madeSecondsAgo })}
          </Text>
        </View>
        {data.status === 'pending' ? (
          <Text id="desk-login-warning" className="notice desk-login__warning">
            {t('desk.warning')}
          </Text>
        ) : null}
        {data.status !== 'pending' && data.status !== 'approved' ? (
          <Text id="desk-login-closed" className="notice">
            {t(`desk.status.${data.status}`)}
          </Text>
        ) : null}
        {!open && data.status === 'pending' ? <Text className="notice">{t('desk.status.expired')}</Text> : null}
      </View>
      {open ? (
        <Button id="desk-login-confirm" className="btn btn--primary" loading={busy} onClick={() => void approve()}>
          {t('desk.confirm')}
        </Button>
      ) : null}
      <Button id="desk-login-cancel" className="btn btn--ghost" onClick={() => void Taro.navigateBack()}>
        {open ? t('common.cancel') : t('desk.back')}
      </Button>
    </Screen>
  )
}
