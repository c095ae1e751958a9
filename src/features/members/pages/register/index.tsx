import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CommunityList, Member, MemberRanking, MemberRecord } from '@contract'
import { pageUrl } from '@values/pages'
import { call, type Body } from '../../../../shared/client'
import { useState } from 'react'
import { MEMBER_LIMITS, PHONE_LENGTH } from '@values/limits'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { usePageTitle } from '../../../../shared/ui/usePageTitle'
import { useScreenData } from '../../../../shared/ui/useScreenData'
import { Menu } from '../../../../shared/ui/Menu'
import '../../../wishes/wishes.scss'

type MemberRegister = Body<'POST /api/members'>

const FIELDS = [
  ['realName', 'members.realName'],
  ['phone', 'members.phone'],
  ['workUnit', 'members.workUnit'],
  ['branch', 'members.branch'],
] as const

interface Registration {
  /** Null while the person has not registered. */
  member: Member | null
  /** What the form offers to pick. */
  places: CommunityList['items']
  /** A verified member's service record, null otherwise or when it could not be loaded. */
  record: MemberRecord | null
  board: MemberRanking['items']
}

/**
 * My registration and the communities decide what the page shows, so when either fails the page says so with a retry
 * (never the empty form, as if not registered). A verified member's record and community ranking are a teaser below
 * the status that nothing on the page depends on: when they fail the page goes on without them.
 */
async function loadRegistration(): Promise<Registration> {
  const [{ member }, { items: places }] = await Promise.all([
    call('GET /api/me/member', { toast: false }),
    call('GET /api/communities', { toast: false }),
  ])
  if (member?.status !== 'verified') return { member, places, record: null, board: [] }
  const [record, board] = await Promise.all([
    call('GET /api/me/member/record', { toast: false }).catch(() => null),
    rankingOf(member.communityId).catch(() => []),
  ])
  return { member, places, record, board }
}

const rankingOf = async (communityId: string) =>
  (await call('GET /api/members/ranking', { query: { communityId }, toast: false })).items

export default function RegisterMember() {
  const { t, inLanguage } = useSettings()
  usePageTitle(t('members.title'))
  const { data, pending, update } = useScreenData(loadRegistration, '', { onShow: 'first' })
  const [form, setForm] = useState<MemberRegister>({
    realName: '',
    phone: '',
    workUnit: '',
    branch: '',
    communityId: '',
  })
  if (!data) return pending

  const { member, places, record, board } = data
  const go = (url: string) => () => void Taro.navigateTo({ url })
  const submit = async () => {
    try {
      const { member: registered } = await call('POST /api/members', { body: form })
      update((shown) => ({ ...shown, member: registered }))
    } catch {
      // The request client has shown which field is wrong.
    }
  }
  const statusText = member
    ? member.status === 'rejected'
      ? t('members.status.rejected', { reason: member.reason ?? '' })
      : t(`members.status.${member.status}`)
    : null

  return (
    <Screen>
      {member ? (
        <View id="member-status" className="notice">
          {statusText}
        </View>
      ) : null}
      {member?.status === 'verified' ? (
        <View className="card">
          <Text className="form__label">{t('members.record')}</Text>
          {record ? (
            <View id="member-record">
              <View className="menu__item">
                <Text>{t('members.wishesFulfilled')}</Text>
                <Text>{record.wishesFulfilled}</Text>
              </View>
              <View className="menu__item">
                <Text>{t('members.hoursServed')}</Text>
                <Text>{record.hoursServed}</Text>
              </View>
              <View className="menu__item">
                <Text>{t('members.lecturesGiven')}</Text>
                <Text>{record.lecturesGiven}</Text>
              </View>
            </View>
          ) : null}
          <View className="form__row">
            <Text>{t('members.rankingOptOut')}</Text>
            <Switch
              id="ranking-opt-out"
              checked={member.rankingOptOut}
              color="#B71C1C"
              onChange={(e) =>
                void call('PATCH /api/me/member', { body: { rankingOptOut: e.detail.value } })
                  .then(async ({ member: saved }) => {
                    update((shown) => ({ ...shown, member: saved }))
                    // Opting out takes the person off the board the server ranks, opting in puts them back.
                    const board = await rankingOf(member.communityId)
                    update((shown) => ({ ...shown, board }))
                  })
                  .catch(() => undefined)
              }
            />
          </View>
          <Menu
            entries={[
              { id: 'go-activities', label: t('activities.title'), open: go(pageUrl('activities/index')) },
              { id: 'go-my-activities', label: t('activities.mine'), open: go(pageUrl('activities/mine')) },
              { id: 'go-record', label: t('activities.record'), open: go(pageUrl('activities/record')) },
            ]}
          />
          <Text className="form__label">{t('members.ranking')}</Text>
          {board.map((r) => (
            <View key={r.rank} className="menu__item">
              <Text>
                {r.rank}. {r.nickname}
              </Text>
              <Text className="muted">
                {r.wishesFulfilled} · {r.hoursServed}h
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {!member || member.status === 'rejected' ? (
        <View className="card">
          <Text className="muted form__why">{t('members.why')}</Text>
          {FIELDS.map(([key, label]) => (
            <View key={key}>
              <Text className="form__label">{t(label)}</Text>
              <Input
                id={`member-${key}`}
                className="form__input"
                maxlength={key === 'phone' ? PHONE_LENGTH : MEMBER_LIMITS[key]}
                value={form[key]}
                onInput={(e) => setForm({ ...form, [key]: e.detail.value })}
              />
            </View>
          ))}
          <Text className="form__label">{t('wishes.community')}</Text>
          <View>
            {places.map((c) => (
              <View
                key={c.id}
                id={`member-community-${c.id}`}
                className={`chip ${form.communityId === c.id ? 'chip--on' : ''}`}
                onClick={() => setForm({ ...form, communityId: c.id })}
              >
                {inLanguage(c.name, c.nameEn)}
              </View>
            ))}
          </View>
          <Button id="member-submit" className="btn btn--primary form__save" onClick={() => void submit()}>
            {t('members.submit')}
          </Button>
        </View>
      ) : null}
      <Button className="btn btn--ghost" onClick={() => void Taro.navigateBack()}>
        {t('common.cancel')}
      </Button>
    </Screen>
  )
}
