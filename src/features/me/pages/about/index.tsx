import { Text, View } from '@tarojs/components'
import type { MessageKey } from '../../../../shared/i18n'
import { useSettings } from '../../../../shared/settings'
import { useTown } from '../../../../shared/town'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import './index.scss'

/** What the app is, then what it keeps about a person, who sees it and how to have it removed (PIPL). */
const SECTIONS: { title: MessageKey; body: MessageKey }[] = [
  { title: 'about.what', body: 'about.whatBody' },
  { title: 'about.kept', body: 'about.keptBody' },
  { title: 'about.location', body: 'about.locationBody' },
  { title: 'about.who', body: 'about.whoBody' },
  { title: 'about.delete', body: 'about.deleteBody' },
]

export default function AboutPage() {
  const { t, inLanguage } = useSettings()
  usePageTitle(t('me.about'))
  const town = useTown()
  const townName = town ? inLanguage(town.name, town.nameEn) : t('town.unknown')
  return (
    <Screen>
      {SECTIONS.map(({ title, body }) => (
        <View key={title} id={title.replace('.', '-')} className="card about">
          <Text className="about__title">{t(title)}</Text>
          <Text className="about__body">{t(body, { town: townName })}</Text>
        </View>
      ))}
    </Screen>
  )
}
