import Taro from '@tarojs/taro'
import { pageUrl } from '@values/pages'
import { currentUser } from '../../../../shared/auth'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { WishCard } from '../../components/WishCard'

/** A resident's own wishes and a member's claims; for staff, the review queue of their communities. */
export default function MyWishesPage() {
  const { t } = useSettings()
  const staff = currentUser()?.role === 'staff'
  usePageTitle(t(staff ? 'wishes.reviewQueue' : 'wishes.mine'))
  const { data: wishes, pending } = useScreenData(async () => {
    const { items } = await call(staff ? 'GET /api/wishes/review-queue' : 'GET /api/me/wishes', { toast: false })
    return items
  })

  if (!wishes) return pending
  if (wishes.length === 0)
    return (
      <Screen>
        <StateView state="empty" title={t('wishes.empty')} hint={t('wishes.emptyHint')} />
      </Screen>
    )
  return (
    <Screen>
      {wishes.map((wish) => (
        <WishCard
          key={wish.id}
          wish={wish}
          onOpen={(id) => void Taro.navigateTo({ url: pageUrl('wishes/detail', { id }) })}
        />
      ))}
    </Screen>
  )
}
