import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { User } from '@contract'
import { useState } from 'react'
import { pageUrl } from '@values/pages'
import { currentUser, deleteAccount, logout } from '../../shared/auth'
import { useSettings } from '../../shared/settings'
import { Menu, type MenuEntry } from '../../shared/ui/Menu'
import { Screen } from '../../shared/ui/Screen'
import { usePageTitle } from '../../shared/ui/usePageTitle'
import { confirmDeskLogin, deskTicketIn } from './desk'
import { refreshUnreadBadge } from './inbox'
import './index.scss'

export default function MePage() {
  const { t } = useSettings()
  usePageTitle(t('tab.me'))
  const [user, setUser] = useState<User | null>(currentUser())
  const [unread, setUnread] = useState(0)
  useDidShow(() => {
    setUser(currentUser())
    void refreshUnreadBadge().then(setUnread)
  })

  const go = (url: string) => () => void Taro.navigateTo({ url })
  const signedOut = async () => {
    setUser(null)
    setUnread(await refreshUnreadBadge())
  }
  const leave = async (everywhere: boolean) => {
    await logout(everywhere)
    await signedOut()
  }
  const scanDeskCode = async () => {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    const ticket = deskTicketIn(result)
    if (ticket) confirmDeskLogin(ticket)
    else void Taro.showToast({ title: t('desk.notDeskCode'), icon: 'none' })
  }
  const entries: (MenuEntry & { shown: boolean })[] = [
    { id: 'go-login', label: t('me.login'), open: go(pageUrl('me/login')), shown: !user },
    {
      id: 'go-inbox',
      label: unread > 0 ? t('me.inboxUnread', { n: unread }) : t('me.inbox'),
      open: go(pageUrl('me/inbox')),
      shown: !!user,
    },
    {
      id: 'go-bookings',
      label: t('lectures.myBookings'),
      open: go(pageUrl('lectures/bookings')),
      shown: !!user,
    },
    {
      id: 'go-wishes',
      label: t('wishes.mine'),
      open: go(pageUrl('wishes/mine')),
      shown: user?.role === 'resident' || user?.role === 'member',
    },
    {
      id: 'go-activities',
      label: t('activities.title'),
      open: go(pageUrl('activities/index')),
      shown: user?.role !== 'member',
    },
    {
      id: 'go-my-activities',
      label: t('activities.mine'),
      open: go(pageUrl('activities/mine')),
      shown: user?.role === 'member',
    },
    {
      id: 'go-staff',
      label: t('staff.entry'),
      open: go(pageUrl('staff/index')),
      shown: user?.role === 'staff',
    },
    { id: 'go-desk-scan', label: t('desk.scanEntry'), open: () => void scanDeskCode(), shown: user?.role === 'staff' },
    {
      id: 'go-member',
      label: t('members.register'),
      open: go(pageUrl('members/register')),
      shown: !!user && user.role !== 'staff',
    },
    { id: 'go-figures', label: t('figures.title'), open: go(pageUrl('figures/index')), shown: true },
    { id: 'go-settings', label: t('me.settings'), open: go(pageUrl('me/settings')), shown: true },
    { id: 'go-about', label: t('me.about'), open: go(pageUrl('me/about')), shown: true },
    { id: 'logout', label: t('me.logout'), open: () => void leave(false), shown: !!user },
    {
      id: 'logout-everywhere',
      label: t('me.logoutEverywhere'),
      open: () => void leave(true),
      shown: !!user,
      muted: true,
    },
    {
      id: 'delete-account',
      label: t('members.deleteAccount'),
      open: () =>
        void Taro.showModal({ title: t('members.deleteAccount'), content: t('members.deleteConfirm') }).then(
          async ({ confirm }) => {
            if (!confirm) return
            await deleteAccount()
            await signedOut()
          },
        ),
      shown: !!user,
      muted: true,
    },
  ]

  return (
    <Screen className="me">
      <View className="card me__profile">
        <View className="me__avatar" aria-hidden>
          <Text>{user ? user.nickname.slice(0, 1) : '驿'}</Text>
        </View>
        <View className="me__who">
          <Text id="me-name" className="me__name">
            {user ? user.nickname : t('me.notLoggedIn')}
          </Text>
          {user ? (
            <Text id="me-role" className="muted">
              {t(`me.role.${user.role}`)}
            </Text>
          ) : null}
        </View>
      </View>

      <Menu entries={entries.filter((entry) => entry.shown)} />
    </Screen>
  )
}
