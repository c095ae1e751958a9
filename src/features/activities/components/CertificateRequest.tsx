import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call, downloadWithToken, type Reply } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'
import { shanghaiDateTime } from '../../../shared/time'

type Issued = Reply<'POST /api/me/member/certificates'>

/** The PDF is the holder's only: fetched with their token, then opened by WeChat's viewer or saved by the browser. */
async function openCertificate({ url, serial }: Issued) {
  const file = await downloadWithToken(url)
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a')
    link.href = file
    link.download = `志愿服务证明-${serial}.pdf`
    link.click()
    return
  }
  await Taro.openDocument({ filePath: file, fileType: 'pdf', showMenu: true })
}

/** 申请志愿服务证明: a period on the town's calendar (this year so far, to start with); the API counts its hours. */
export function CertificateRequest() {
  const { t } = useSettings()
  const today = shanghaiDateTime(new Date().toISOString()).date
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today })
  const [issued, setIssued] = useState<Issued | null>(null)
  const [busy, setBusy] = useState(false)
  const ask = async () => {
    setBusy(true)
    try {
      setIssued(await call('POST /api/me/member/certificates', { body: period }))
    } catch {
      // The request client has shown the API's reason (no confirmed hours in the period, a date after today).
    } finally {
      setBusy(false)
    }
  }
  const open = (certificate: Issued) =>
    void openCertificate(certificate).catch(() => void Taro.showToast({ title: t('common.error'), icon: 'none' }))

  return (
    <View id="certificate" className="card">
      <Text className="form__label">{t('activities.certificate')}</Text>
      <View className="activity__row">
        {(['from', 'to'] as const).map((end) => (
          <Picker
            key={end}
            mode="date"
            value={period[end]}
            end={today}
            onChange={(e) => setPeriod({ ...period, [end]: String(e.detail.value) })}
          >
            <View id={`certificate-${end}`} ariaLabel={`${t(`activities.certificate.${end}`)} ${period[end]}`}>
              <Text className="muted">{t(`activities.certificate.${end}`)} </Text>
              <Text className="form__input">{period[end]}</Text>
            </View>
          </Picker>
        ))}
      </View>
      <Button id="certificate-ask" className="btn btn--primary" loading={busy} onClick={() => void ask()}>
        {t('activities.certificate')}
      </Button>
      {issued ? (
        <View id="certificate-issued" className="hours-form">
          <Text>{t('activities.certificate.issued', { hours: issued.hours, from: issued.from, to: issued.to })}</Text>
          <Text className="muted">{t('activities.certificate.serial', { serial: issued.serial })}</Text>
          <Button id="certificate-open" className="btn btn--ghost" onClick={() => open(issued)}>
            {t('activities.certificate.open')}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
