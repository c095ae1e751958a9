import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { User } from '@contract'
import { useState } from 'react'
import { currentUser, deleteAccount, logout } from '../../shared/auth'
import { useSettings } from '../../shared/settings'
import { Screen } from '../../shared/ui/Screen'
import './index.scss'

export default function MePage() {
  const { t } = useSettings()
  const [user, setUser] = useState<User | null>(currentUser())
  useDidShow(() => setUser(currentUser()))

  return (
    <Screen className="me">
      <View className="card me__profile">
        <View className="me__avatar" aria-hidden>
          <Text>{user ? user.nickname.slice(0, 1) : '驿'}</Text>
        </View>
        <View className="me__who">
          <Text id="me-name" className="me__name">{user ? user.nickname : t('me.notLoggedIn')}</Text>
          {user ? <Text id="me-role" className="muted">{t(`me.role.${user.role}`)}</Text> : null}
        </View>
      </View>

      <View className="card menu">
        {user ? null : (
          <View id="go-login" className="menu__item" ariaRole="button" onClick={() => void Taro.navigateTo({ url: '/features/me/pages/login/index' })}>
            <Text>{t('me.login')}</Text>
            <Text className="muted">›</Text>
          </View>
        )}
        {user ? (
          <View id="go-bookings" className="menu__item" ariaRole="button" onClick={() => void Taro.navigateTo({ url: '/features/lectures/pages/bookings/index' })}>
            <Text>{t('lectures.myBookings')}</Text>
            <Text className="muted">›</Text>
          </View>
        ) : null}
        {user?.role === 'staff' ? (
          <View id="go-staff" className="menu__item" ariaRole="button" onClick={() => void Taro.navigateTo({ url: '/features/staff/pages/index/index' })}>
            <Text>{t('staff.entry')}</Text>
            <Text className="muted">›</Text>
          </View>
        ) : null}
        {user && user.role !== 'staff' ? (
          <View id="go-member" className="menu__item" ariaRole="button" onClick={() => void Taro.navigateTo({ url: '/features/members/pages/register/index' })}>
            <Text>{t('members.register')}</Text>
            <Text className="muted">›</Text>
          </View>
        ) : null}
        <View id="go-settings" className="menu__item" ariaRole="button" onClick={() => void Taro.navigateTo({ url: '/features/me/pages/settings/index' })}>
          <Text>{t('me.settings')}</Text>
          <Text className="muted">›</Text>
        </View>
        {user ? (
          <View
            id="logout"
            className="menu__item"
            ariaRole="button"
            onClick={() => {
              logout()
              setUser(null)
            }}
          >
            <Text>{t('me.logout')}</Text>
            <Text className="muted">›</Text>
          </View>
        ) : null}
        {user ? (
          <View
            id="delete-account"
            className="menu__item"
            ariaRole="button"
            onClick={() =>
              void Taro.showModal({ title: t('members.deleteAccount'), content: t('members.deleteConfirm') }).then(async ({ confirm }) => {
                if (!confirm) return
                await deleteAccount()
                setUser(null)
              })
            }
          >
            <Text className="muted">{t('members.deleteAccount')}</Text>
            <Text className="muted">›</Text>
          </View>
        ) : null}
      </View>
    </Screen>
  )
}
