import { Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ON_BEHALF_LIMITS, PHONE_LENGTH } from '@values/limits'
import type { MessageKey } from '../../../shared/i18n'
import { useSettings } from '../../../shared/settings'
import { control } from '../../../shared/ui/a11y'
import { CONSENTS, type OnBehalfDraft } from '../wish-form'
import './WishCard.scss'

/**
 * 代办: the resident staff post for (name, phone) and how the resident agreed. `error(field)` shows what to fix, as the
 * rest of the form does.
 */
export function OnBehalfFields({
  resident,
  onChange,
  error,
}: {
  resident: OnBehalfDraft
  onChange(change: Partial<OnBehalfDraft>): void
  error(field: 'residentName' | 'residentPhone' | 'consent'): ReactNode
}) {
  const { t } = useSettings()
  return (
    <View id="on-behalf" className="card">
      <Text className="badge wish-card__behalf">{t('wishes.onBehalfTag')}</Text>
      <Text className="muted form__why">{t('wishes.onBehalfIntro')}</Text>
      <Text className="form__label">{t('wishes.residentName')}</Text>
      <Input
        id="resident-name"
        className="form__input"
        maxlength={ON_BEHALF_LIMITS.name}
        value={resident.name}
        onInput={(e) => onChange({ name: e.detail.value })}
      />
      {error('residentName')}
      <Text className="form__label">{t('wishes.residentPhone')}</Text>
      <Input
        id="resident-phone"
        className="form__input"
        type="number"
        maxlength={PHONE_LENGTH}
        value={resident.phone}
        onInput={(e) => onChange({ phone: e.detail.value })}
      />
      {error('residentPhone')}
      <Text className="form__label">{t('wishes.consent')}</Text>
      <View>
        {CONSENTS.map((consent) => (
          <View
            key={consent}
            id={`consent-${consent}`}
            className={`chip ${resident.consent === consent ? 'chip--on' : ''}`}
            {...control('radio', { checked: resident.consent === consent })}
            onClick={() => onChange({ consent })}
          >
            {t(`wishes.consent.${consent}` as MessageKey)}
          </View>
        ))}
      </View>
      {error('consent')}
    </View>
  )
}
