import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { pageUrl } from '@values/pages'
import { call } from '../../../../shared/client'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { chartData } from '../../api'
import { FiguresCharts } from '../../components/FiguresCharts'
import { HEADLINES } from '../../headline'
import { RESPONSE_FIGURES } from '../../response'
import './index.scss'

/**
 * The whole old town's figures, or (`scope=mine`, opened from the staff home) the same charts for the communities the
 * staff user acts for; their headline numbers stay on the staff home, so the chart library lives only here.
 */
export default function FiguresPage() {
  const { t } = useSettings()
  const mine = useRouter().params.scope === 'mine'
  const { data, pending } = useScreenData(async () => {
    const [stats, charts] = await Promise.all([
      mine ? null : call('GET /api/stats', { toast: false }),
      chartData(mine ? 'mine' : 'town'),
    ])
    return { stats, charts }
  })
  usePageTitle(t(mine ? 'figures.mine' : 'figures.title'))
  // A staff user's own figures are theirs; what anyone can share is the town's page.
  useShareAppMessage(() => ({ title: t('figures.title'), path: pageUrl('figures/index') }))
  if (!data) return pending
  const { stats, charts } = data

  return (
    <Screen className="figures-page">
      <Text className="figures-page__intro">{t(mine ? 'figures.mine.intro' : 'figures.intro')}</Text>
      {stats ? (
        <View className="figures-page__grid">
          {HEADLINES.map((h) => (
            <View key={h.key} id={`figure-${h.key}`} className="card figures-page__figure">
              <Text className="figures-page__n">{h.value(stats)}</Text>
              <Text className="figures-page__label">{t(h.label)}</Text>
              <Text className="figures-page__meaning">{t(h.meaning)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {stats ? (
        <View id="response-times" className="figures-page__section">
          <Text className="figures-page__heading">{t('figures.response.title')}</Text>
          <Text className="figures-page__intro">{t('figures.response.intro')}</Text>
          <View className="figures-page__grid">
            {RESPONSE_FIGURES(t).map((f) => (
              <View key={f.key} id={`response-${f.key}`} className="card figures-page__figure">
                <Text className="figures-page__n figures-page__n--time">{f.value(stats.responseTimes)}</Text>
                <Text className="figures-page__label">{t(f.label)}</Text>
                <Text className="figures-page__meaning">{t(f.meaning)}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <FiguresCharts data={charts} idPrefix={mine ? 'mine-chart' : 'chart'} />
    </Screen>
  )
}
