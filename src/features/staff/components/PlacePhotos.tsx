import { Text } from '@tarojs/components'
import { PLACE_PHOTOS } from '@values/limits'
import { assetUrl } from '../../../shared/client'
import { pickAndUploadPhotos, thumbnailOf } from '../../../shared/photos'
import { useSettings } from '../../../shared/settings'
import { PhotoStrip } from '../../../shared/ui/PhotoStrip'

interface Props {
  /** As the API stores them: `/api/uploads/…` for photos taken here, https URLs for others. */
  urls: string[]
  /** Given a change to apply to the latest list: uploads arrive one by one, after the form may have changed. */
  onChange(update: (urls: string[]) => string[]): void
}

/** The photos of a place staff edit: added from the camera or album (uploaded at once), removed with ×. */
export function PlacePhotos({ urls, onChange }: Props) {
  const { t } = useSettings()
  return (
    <>
      <Text className="form__label">{t('staff.photos')}</Text>
      <PhotoStrip
        photos={urls.map((url) => ({ key: url, src: assetUrl(thumbnailOf(url)) }))}
        max={PLACE_PHOTOS}
        onAdd={() =>
          void pickAndUploadPhotos(PLACE_PHOTOS - urls.length, ({ url }) => onChange((list) => [...list, url]))
        }
        onRemove={(removed) => onChange((list) => list.filter((url) => url !== removed))}
      />
    </>
  )
}
