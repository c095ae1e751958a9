import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import type { CommunityList, Member, MemberRanking, MemberRegister } from '@contract'
import { useState } from 'react'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { communities } from '../../../wishes/api'
import { memberRecord, myMember, ranking, registerMember, setRankingOptOut } from '../../api'
import '../../../wishes/wishes.scss'

const FIELDS = [
  ['realName', 'members.realName'],
  ['phone', 'members.phone'],
  ['workUnit', 'members.workUnit'],
  ['branch', 'members.branch'],
] as const

export default function RegisterMember() {
  const { t, language } = useSettings()
  const [member, setMember] = useState<Member | null | undefined>(undefined)
  const [places, setPlaces] = useState<CommunityList['items']>([])
  const [form, setForm] = useState<MemberRegister>({
    realName: '',
    phone: '',
    workUnit: '',
    branch: '',
    communityId: '',
  })

  const [record, setRecord] = useState<{ wishesFulfilled: number; hoursServed: number; lecturesGiven: number } | null>(
    null,
  )
  const [board, setBoard] = useState<MemberRanking['items']>([])
  useLoad(() => {
    void myMember()
      .then((r) => {
        setMember(r.member)
        if (r.member?.status !== 'verified') return
        void memberRecord()
          .then(setRecord)
          .catch(() => undefined)
        void ranking(r.member.communityId)
          .then((b) => setBoard(b.items))
          .catch(() => undefined)
      })
      .catch(() => setMember(null))
    void communities()
      .then((r) => setPlaces(r.items))
      .catch(() => undefined)
  })
  if (member === undefined)
    return (
      <Screen>
        <StateView state="loading" />
      </Screen>
    )

  const submit = async () => {
    try {
      setMember((await registerMember(form)).member)
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
                void setRankingOptOut(e.detail.value)
                  .then((r) => setMember(r.member))
                  .catch(() => undefined)
              }
            />
          </View>
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
                {language === 'en' ? c.nameEn : c.name}
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
