import { publicForGood, type PhotoRules } from './features/uploads/uses.js'
import { wishPhotoRule } from './features/wishes/photos.js'

/** Who may see a stored photo, by what it is on: each kind's rule comes from the feature that owns it. */
export const PHOTO_RULES: PhotoRules = {
  station: publicForGood,
  guesthouse: publicForGood,
  wish: wishPhotoRule,
  wish_fulfilment: wishPhotoRule,
}
