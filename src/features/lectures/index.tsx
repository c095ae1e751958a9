import { useSettings } from '../../shared/settings'
import { ComingSoon } from '../../shared/ui/ComingSoon'
import { Screen } from '../../shared/ui/Screen'

export default function LecturesPage() {
  const { t } = useSettings()
  return (
    <Screen>
      <ComingSoon title={t('lectures.coming')} hint={t('lectures.comingHint')} />
    </Screen>
  )
}
