import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { chartData, headlineStats } from '../../api'
import { FiguresCharts } from '../../components/FiguresCharts'
import { FIGURES_PAGE, HEADLINES } from '../../headline'
import './index.scss'

export default function FiguresPage() {
  const { t } = useSettings()
  const { data, pending } = useScreenData(async () => {
    const [stats, charts] = await Promise.all([headlineStats(), chartData('town')])
    return { stats, charts }
  })
  useEffect(() => void Taro.setNavigationBarTitle({ title: t('figures.title') }), [t])
  useShareAppMessage(() => ({ title: t('figures.title'), path: FIGURES_PAGE }))
  if (!data) return pending

  return (
    <Screen className="figures-page">
      <Text className="figures-page__intro">{t('figures.intro')}</Text>
      <View className="figures-page__grid">
        {HEADLINES.map((h) => (
          <View key={h.key} id={`figure-${h.key}`} className="card figures-page__figure">
            <Text className="figures-page__n">{h.value(data.stats)}</Text>
            <Text className="figures-page__label">{t(h.label)}</Text>
            <Text className="figures-page__meaning">{t(h.meaning)}</Text>
          </View>
        ))}
      </View>
      <FiguresCharts data={data.charts} idPrefix="chart" />
    </Screen>
  )
}
