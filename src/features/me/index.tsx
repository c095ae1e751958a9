import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { User } from '@contract'
import { useState } from 'react'
import { currentUser, deleteAccount, logout } from '../../shared/auth'
import { useSettings } from '../../shared/settings'
import { Menu, type MenuEntry } from '../../shared/ui/Menu'
import { Screen } from '../../shared/ui/Screen'
import { usePageTitle } from '../../shared/ui/usePageTitle'
import { ACTIVITIES_PAGE, MY_ACTIVITIES_PAGE } from '../activities/paths'
import { FIGURES_PAGE } from '../figures/headline'
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
    { id: 'go-login', label: t('me.login'), open: go('/features/me/pages/login/index'), shown: !user },
    {
      id: 'go-inbox',
      label: unread > 0 ? t('me.inboxUnread', { n: unread }) : t('me.inbox'),
      open: go('/features/me/pages/inbox/index'),
      shown: !!user,
    },
    {
      id: 'go-bookings',
      label: t('lectures.myBookings'),
      open: go('/features/lectures/pages/bookings/index'),
      shown: !!user,
    },
    {
      id: 'go-wishes',
      label: t('wishes.mine'),
      open: go('/features/wishes/pages/mine/index'),
      shown: user?.role === 'resident' || user?.role === 'member',
    },
    { id: 'go-activities', label: t('activities.title'), open: go(ACTIVITIES_PAGE), shown: user?.role !== 'member' },
    {
      id: 'go-my-activities',
      label: t('activities.mine'),
      open: go(MY_ACTIVITIES_PAGE),
      shown: user?.role === 'member',
    },
    {
      id: 'go-staff',
      label: t('staff.entry'),
      open: go('/features/staff/pages/index/index'),
      shown: user?.role === 'staff',
    },
    { id: 'go-desk-scan', label: t('desk.scanEntry'), open: () => void scanDeskCode(), shown: user?.role === 'staff' },
    {
      id: 'go-member',
      label: t('members.register'),
      open: go('/features/members/pages/register/index'),
      shown: !!user && user.role !== 'staff',
    },
    { id: 'go-figures', label: t('figures.title'), open: go(FIGURES_PAGE), shown: true },
    { id: 'go-settings', label: t('me.settings'), open: go('/features/me/pages/settings/index'), shown: true },
    { id: 'go-about', label: t('me.about'), open: go('/features/me/pages/about/index'), shown: true },
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
