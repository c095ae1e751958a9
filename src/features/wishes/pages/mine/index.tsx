import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { MyWishes } from '@contract'
import { useState } from 'react'
import { currentUser } from '../../../../shared/auth'
import { ApiError } from '../../../../shared/request'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { myWishes, reviewQueue } from '../../api'
import { WishCard } from '../../components/WishCard'

type Status = { kind: 'loading' } | { kind: 'ready'; items: MyWishes['items'] } | { kind: 'error'; message: string }

/** A resident's own wishes and a member's claims; for staff, the review queue of their communities. */
export default function MyWishesPage() {
  const { t } = useSettings()
  const [status, setStatus] = useState<Status>({ kind: 'loading' })
  const staff = currentUser()?.role === 'staff'
  const load = async () => {
    try {
      setStatus({ kind: 'ready', items: (await (staff ? reviewQueue() : myWishes())).items })
      void Taro.setNavigationBarTitle({ title: staff ? t('wishes.reviewQueue') : t('wishes.mine') })
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (status.kind === 'loading') return <Screen><StateView state="loading" /></Screen>
  if (status.kind === 'error') return <Screen><StateView state="error" message={status.message} onRetry={() => void load()} /></Screen>
  if (status.items.length === 0) return <Screen><StateView state="empty" title={t('wishes.empty')} hint={t('wishes.emptyHint')} /></Screen>
  return (
    <Screen>
      {status.items.map((wish) => (
        <WishCard key={wish.id} wish={wish} onOpen={(id) => void Taro.navigateTo({ url: `/features/wishes/pages/detail/index?id=${id}` })} />
      ))}
    </Screen>
  )
}
