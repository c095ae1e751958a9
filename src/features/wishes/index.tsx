import { useSettings } from '../../shared/settings'
import { ComingSoon } from '../../shared/ui/ComingSoon'
import { Screen } from '../../shared/ui/Screen'

export default function WishesPage() {
  const { t } = useSettings()
  return (
    <Screen>
      <ComingSoon title={t('wishes.coming')} hint={t('wishes.comingHint')} />
    </Screen>
  )
}
