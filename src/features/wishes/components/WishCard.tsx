import { Text, View } from '@tarojs/components'
import type { WishPublic } from '@contract'
import { useSettings } from '../../../shared/settings'
import { formatDistance } from '../../stations/format'
import './WishCard.scss'

export function WishCard({ wish, onOpen }: { wish: WishPublic; onOpen(id: string): void }) {
  const { t } = useSettings()
  return (
    <View
      id={`wish-${wish.id}`}
      className={`card wish-card ${wish.urgent ? 'wish-card--urgent' : ''}`}
      ariaRole="button"
      onClick={() => onOpen(wish.id)}
    >
      <View className="wish-card__head">
        {wish.urgent ? <Text className="badge wish-card__urgent">{t('wishes.urgent')}</Text> : null}
        <OnBehalfTag wish={wish} />
        <Text className="wish-card__title">{wish.title}</Text>
      </View>
      <Text className="wish-card__desc">{wish.description}</Text>
      <View className="wish-card__meta">
        <Text className="chip">{t(`wish.category.${wish.category}`)}</Text>
        <WishFrom wish={wish} />
        {wish.distanceM != null ? <Text className="muted">{formatDistance(t, wish.distanceM)}</Text> : null}
        <Text className="wish-card__status">{t(`wish.status.${wish.status}`)}</Text>
      </View>
    </View>
  )
}

/** 社区代提交: staff posted the wish for a resident without an account. */
export function OnBehalfTag({ wish }: { wish: Pick<WishPublic, 'onBehalf'> }) {
  const { t } = useSettings()
  return wish.onBehalf ? <Text className="badge wish-card__behalf">{t('wishes.onBehalfTag')}</Text> : null
}

/** Who asked and in which community, as the card and the detail page both show it. */
export function WishFrom({ wish }: { wish: Pick<WishPublic, 'residentName' | 'communityName' | 'communityNameEn'> }) {
  const { t, inLanguage } = useSettings()
  return (
    <Text className="muted">
      {t('wishes.from', { name: wish.residentName, community: inLanguage(wish.communityName, wish.communityNameEn) })}
    </Text>
  )
}
