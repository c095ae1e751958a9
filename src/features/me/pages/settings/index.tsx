import { Switch, Text, View } from '@tarojs/components'
import type { Language } from '../../../../shared/i18n'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { control } from '../../../../shared/ui/a11y'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import './index.scss'

const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'zh', label: '中文' },
  { value: 'en', label: 'English' },
]

export default function SettingsPage() {
  const { t, language, setLanguage, largeFont, setLargeFont } = useSettings()
  usePageTitle(t('settings.title'))

  return (
    <Screen>
      <View className="card">
        <Text className="settings__label">{t('settings.language')}</Text>
        <View className="settings__choices" role="radiogroup">
          {LANGUAGES.map((l) => (
            <View
              key={l.value}
              id={`lang-${l.value}`}
              className={`chip ${language === l.value ? 'chip--on' : ''}`}
              {...control('radio', { checked: language === l.value })}
              onClick={() => setLanguage(l.value)}
            >
              {l.label}
            </View>
          ))}
        </View>
      </View>
      <View className="card settings__row">
        <View className="settings__text">
          <Text className="settings__label">{t('settings.largeFont')}</Text>
          <Text className="muted">{t('settings.largeFontHint')}</Text>
        </View>
        <Switch
          id="large-font"
          checked={largeFont}
          color="#B71C1C"
          ariaLabel={t('settings.largeFont')}
          onChange={(e) => setLargeFont(e.detail.value)}
        />
      </View>
    </Screen>
  )
}
