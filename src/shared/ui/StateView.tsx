import { Button, Text, View } from '@tarojs/components'
import { useSettings } from '../settings'

type Props =
  | { state: 'loading' }
  | { state: 'empty'; title: string; hint?: string }
  | { state: 'error'; message: string; onRetry(): void }

/** The three states every list shows instead of its items: loading, empty (with what to try), error (with retry). */
export function StateView(props: Props) {
  const { t } = useSettings()
  if (props.state === 'loading') {
    return (
      <View className="state state--loading" aria-busy="true">
        <View className="state__spinner" />
        <Text className="state__title">{t('common.loading')}</Text>
      </View>
    )
  }
  if (props.state === 'empty') {
    return (
      <View className="state state--empty">
        <Text className="state__title">{props.title}</Text>
        {props.hint ? <Text className="state__hint">{props.hint}</Text> : null}
      </View>
    )
  }
  return (
    <View className="state state--error" role="alert">
      <Text className="state__title">{props.message}</Text>
      <Button
        id="retry"
        className="btn btn--primary state__action"
        ariaLabel={t('common.retry')}
        onClick={props.onRetry}
      >
        {t('common.retry')}
      </Button>
    </View>
  )
}
