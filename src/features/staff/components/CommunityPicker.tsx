import { Text, View } from '@tarojs/components'
import type { StaffScope } from '@contract'
import { useSettings } from '../../../shared/settings'
import { control } from '../../../shared/ui/a11y'

interface Props {
  scope: StaffScope
  /** The place's community; null for one no community was assigned yet. */
  value: string | null
  onChange(communityId: string): void
}

/**
 * Which community a station or guesthouse belongs to, which decides whose staff may change it. A district account
 * (or staff of several communities) chooses; staff of one community see theirs.
 */
export function CommunityPicker({ scope, value, onChange }: Props) {
  const { t, inLanguage } = useSettings()
  const nameOf = (c: StaffScope['items'][number]) => inLanguage(c.name, c.nameEn)
  const choosing = scope.district || scope.items.length > 1
  const shown = scope.items.find((c) => c.id === value) ?? scope.items[0]
  return (
    <View id="field-community">
      <Text className="form__label">{t('staff.community')}</Text>
      {choosing ? (
        <View>
          {scope.items.map((c) => (
            <View
              key={c.id}
              id={`community-${c.id}`}
              className={`chip ${value === c.id ? 'chip--on' : ''}`}
              {...control('radio', { checked: value === c.id })}
              onClick={() => onChange(c.id)}
            >
              {nameOf(c)}
            </View>
          ))}
        </View>
      ) : (
        <Text id="community-name">{shown ? nameOf(shown) : '—'}</Text>
      )}
    </View>
  )
}
