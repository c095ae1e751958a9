import { Text, View } from '@tarojs/components'

export interface MenuEntry {
  id: string
  label: string
  open(): void
  /** Drawn quieter, for a step few people take (deleting an account). */
  muted?: boolean
  /** A count waiting behind the entry (overdue wishes), shown beside the label when above zero. */
  badge?: number
}

/** A card of rows that each open something, with the chevron people expect. */
export function Menu({ entries }: { entries: MenuEntry[] }) {
  return (
    <View className="card menu">
      {entries.map(({ id, label, open, muted, badge }) => (
        <View
          key={id}
          id={id}
          className="menu__item"
          ariaRole="button"
          ariaLabel={badge ? `${label} ${badge}` : undefined}
          onClick={open}
        >
          <Text className={muted ? 'muted' : ''}>{label}</Text>
          <View className="menu__end">
            {badge ? <Text className="menu__badge">{badge}</Text> : null}
            <Text className="muted">›</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
