import type { Body } from '../../shared/client'
import type { MessageKey } from '../../shared/i18n'
import type { UploadedPhoto } from '../../shared/photos'

type WishCreate = Body<'POST /api/wishes'>

/** A wish as its form edits it: blank optional fields are empty text until the body is built. */
export type WishDraft = Required<Pick<WishCreate, 'category' | 'title' | 'description' | 'communityId'>> & {
  contactPhone: string
  urgent: boolean
  preferredTime: string
  photos: UploadedPhoto[]
}

export const NEW_WISH: WishDraft = {
  category: 'life_help',
  title: '',
  description: '',
  communityId: '',
  contactPhone: '',
  urgent: false,
  preferredTime: '',
  photos: [],
}

export type WishField = 'title' | 'description' | 'communityId' | 'contactPhone'

/** The same limits the server enforces, checked here first so a person sees what to fix before sending. */
export function wishProblems(d: WishDraft): Partial<Record<WishField, MessageKey>> {
  return {
    ...(d.title.trim().length < 2 && { title: 'wishes.needTitle' as const }),
    ...(!d.description.trim() && { description: 'wishes.needDescription' as const }),
    ...(!d.communityId && { communityId: 'wishes.needCommunity' as const }),
    ...(d.contactPhone &&
      !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(d.contactPhone) && { contactPhone: 'wishes.badPhone' as const }),
  }
}

/** What is posted: text trimmed, blank optional fields left out, photos by their upload ids. */
export const wishBody = (d: WishDraft): WishCreate => ({
  category: d.category,
  title: d.title.trim(),
  description: d.description.trim(),
  communityId: d.communityId,
  contactPhone: d.contactPhone || undefined,
  urgent: d.urgent,
  preferredTime: d.preferredTime || undefined,
  photoIds: d.photos.map((p) => p.id),
})
