import type { MemberRanking, MemberResponse } from '@contract'
import type { Body } from '../../shared/client'
import { request } from '../../shared/request'

type MemberRegister = Body<'POST /api/members'>

export const myMember = () => request<MemberResponse>('GET', '/api/me/member', { toast: false })
export const registerMember = (body: MemberRegister) => request<MemberResponse>('POST', '/api/members', { body })
export const memberQueue = () =>
  request<{ items: NonNullable<MemberResponse['member']>[] }>('GET', '/api/members', {
    query: { status: 'pending' },
    toast: false,
  })
export const verifyMember = (id: string, decision: 'verify' | 'reject', reason?: string) =>
  request<MemberResponse>('POST', `/api/members/${encodeURIComponent(id)}/verify`, { body: { decision, reason } })

export const memberRecord = () =>
  request<{ wishesFulfilled: number; hoursServed: number; lecturesGiven: number }>('GET', '/api/me/member/record', {
    toast: false,
  })
export const setRankingOptOut = (rankingOptOut: boolean) =>
  request<MemberResponse>('PATCH', '/api/me/member', { body: { rankingOptOut } })
export const ranking = (communityId: string) =>
  request<MemberRanking>('GET', '/api/members/ranking', { query: { communityId }, toast: false })
