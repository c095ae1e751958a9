import { Text, View } from '@tarojs/components'

export interface MenuEntry {
  id: string
  label: string
  open(): void
  /** Drawn quieter, for a step few people take (deleting an account). */
  muted?: boolean
}

/** A card of rows that each open something, with the chevron people expect. */
export function Menu({ entries }: { entries: MenuEntry[] }) {
  return (
    <View className="card menu">
      {entries.map(({ id, label, open, muted }) => (
        <View key={id} id={id} className="menu__item" ariaRole="button" onClick={open}>
          <Text className={muted ? 'muted' : ''}>{label}</Text>
          <Text className="muted">›</Text>
        </View>
      ))}
    </View>
  )
}
