import type { DeskPollResponse, DeskTicketCreated, StationListResponse, StationSummary, Town } from '@contract'
import type { Body } from '../../shared/client'
import { request } from '../../shared/request'

type TownPatch = Body<'PATCH /api/town'>

export const newDeskCode = () => request<DeskTicketCreated>('POST', '/api/auth/desk', { toast: false })
export const pollDeskCode = (ticket: string, secret: string) =>
  request<DeskPollResponse>('POST', `/api/auth/desk/${encodeURIComponent(ticket)}/poll`, {
    body: { secret },
    toast: false,
  })
export const changeTown = (body: TownPatch) => request<Town>('PATCH', '/api/town', { body })

/** Every station the desk lists, page after page of the public list (the desk sorts and pages them itself). */
export async function everyStation(): Promise<StationSummary[]> {
  const stations: StationSummary[] = []
  let cursor: string | undefined
  do {
    const page = await request<StationListResponse>('GET', '/api/stations', {
      query: { limit: 100, cursor },
      toast: false,
    })
    stations.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return stations
}
