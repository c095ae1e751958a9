import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import type { CommunityList, Member, MemberRegister } from '@contract'
import { useState } from 'react'
import { useSettings } from '../../../../shared/settings'
import { Screen } from '../../../../shared/ui/Screen'
import { StateView } from '../../../../shared/ui/StateView'
import { communities } from '../../../wishes/api'
import { myMember, registerMember } from '../../api'
import '../../../wishes/wishes.scss'

const FIELDS = [
  ['realName', 'members.realName'],
  ['phone', 'members.phone'],
  ['workUnit', 'members.workUnit'],
  ['branch', 'members.branch'],
] as const

export default function RegisterMember() {
  const { t } = useSettings()
  const [member, setMember] = useState<Member | null | undefined>(undefined)
  const [places, setPlaces] = useState<CommunityList['items']>([])
  const [form, setForm] = useState<MemberRegister>({ realName: '', phone: '', workUnit: '', branch: '', communityId: '' })

  useLoad(() => {
    void myMember().then((r) => setMember(r.member)).catch(() => setMember(null))
    void communities().then((r) => setPlaces(r.items)).catch(() => undefined)
  })
  if (member === undefined) return <Screen><StateView state="loading" /></Screen>

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
        <View id="member-status" className="notice">{statusText}</View>
      ) : null}
      {!member || member.status === 'rejected' ? (
        <View className="card">
          <Text className="muted form__why">{t('members.why')}</Text>
          {FIELDS.map(([key, label]) => (
            <View key={key}>
              <Text className="form__label">{t(label)}</Text>
              <Input id={`member-${key}`} className="form__input" value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.detail.value })} />
            </View>
          ))}
          <Text className="form__label">{t('wishes.community')}</Text>
          <View>
            {places.map((c) => (
              <View key={c.id} id={`member-community-${c.id}`} className={`chip ${form.communityId === c.id ? 'chip--on' : ''}`} onClick={() => setForm({ ...form, communityId: c.id })}>
                {c.name}
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
