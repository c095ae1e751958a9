import { Image, View } from '@tarojs/components'
import { useSettings } from '../settings'

interface Props {
  /** Each photo with a stable key and the address to draw it from. */
  photos: { key: string; src: string }[]
  max: number
  onAdd(): void
  /** Given, each photo gets a × to take it off the form. */
  onRemove?(key: string): void
}

/** The row of photo thumbnails a form shows, with a + tile while there is room for more. */
export function PhotoStrip({ photos, max, onAdd, onRemove }: Props) {
  const { t } = useSettings()
  return (
    <View className="form__photos">
      {photos.map((p, index) => (
        <View key={p.key} className="form__photo-wrap">
          <Image className="form__photo" src={p.src} mode="aspectFill" />
          {onRemove ? (
            <View
              id={`remove-photo-${index}`}
              className="form__photo-remove"
              ariaRole="button"
              ariaLabel={t('common.removePhoto')}
              onClick={() => onRemove(p.key)}
            >
              ×
            </View>
          ) : null}
        </View>
      ))}
      {photos.length < max ? (
        <View
          id="add-photo"
          className="form__photo form__photo--add"
          ariaRole="button"
          ariaLabel={t('common.addPhoto')}
          onClick={onAdd}
        >
          +
        </View>
      ) : null}
    </View>
  )
}
