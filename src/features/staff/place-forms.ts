import type { Guesthouse, StaffScope, Topic, Town } from '@contract'
import type { Body } from '../../shared/client'

type GuesthouseCreate = Body<'POST /api/guesthouses'>
type TopicCreate = Body<'POST /api/lectures/topics'>

/** A guesthouse as its form edits it; `id` null until it is first saved. */
export interface PlaceDraft {
  id: string | null
  communityId: string | null
  name: string
  address: string
  lat: string
  lng: string
  roomsNote: string
  photos: string[]
}

/** A menu topic as its form edits it; `id` null until it is first saved. */
export interface TopicDraft {
  id: string | null
  title: string
  titleEn: string
  description: string
  descriptionEn: string
}

/** A new guesthouse starts at the town's centre in the first community the staff user acts for; a district account may pick another. */
export const placeDraft = (scope: StaffScope, town: Town | null, g?: Guesthouse): PlaceDraft => ({
  id: g?.id ?? null,
  communityId: g ? g.communityId : (scope.items[0]?.id ?? null),
  name: g?.name ?? '',
  address: g?.address ?? '',
  lat: String(g?.lat ?? town?.center.lat ?? ''),
  lng: String(g?.lng ?? town?.center.lng ?? ''),
  roomsNote: g?.roomsNote ?? '',
  photos: g?.photos ?? [],
})

export const topicDraft = (t?: Topic): TopicDraft => ({
  id: t?.id ?? null,
  title: t?.title ?? '',
  titleEn: t?.titleEn ?? '',
  description: t?.description ?? '',
  descriptionEn: t?.descriptionEn ?? '',
})

export const placeBody = (d: PlaceDraft): GuesthouseCreate => ({
  communityId: d.communityId ?? undefined,
  name: d.name,
  address: d.address,
  lat: Number(d.lat),
  lng: Number(d.lng),
  roomsNote: d.roomsNote || null,
  photos: d.photos,
})

/** A blank English title or description is left out: the API then shows the Chinese one. */
export const topicBody = (d: TopicDraft): TopicCreate => ({
  title: d.title,
  titleEn: d.titleEn || undefined,
  description: d.description,
  descriptionEn: d.descriptionEn || undefined,
})
