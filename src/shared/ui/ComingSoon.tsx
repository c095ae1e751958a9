import { Text, View } from '@tarojs/components'

/** A tab whose feature is on its way: says what it will do, in the user's language. */
export function ComingSoon({ title, hint }: { title: string; hint: string }) {
  return (
    <View className="coming">
      <View className="coming__seal" aria-hidden>
        <Text>驿</Text>
      </View>
      <Text className="coming__title">{title}</Text>
      <Text className="coming__hint">{hint}</Text>
    </View>
  )
}
