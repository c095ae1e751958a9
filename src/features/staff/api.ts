import { assetUrl, downloadWithToken } from '../../shared/client'

/** A station's door poster: public, so an image viewer (long-press to save or print) can load it by its address. */
export const posterUrl = (stationId: string) => assetUrl(`/api/stations/${encodeURIComponent(stationId)}/poster.png`)
/** Every door poster of my stations as one PDF, fetched with my token (the route is staff only). */
export const downloadPosters = () => downloadWithToken('/api/staff/posters.pdf')
