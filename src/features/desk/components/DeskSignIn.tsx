import type { DeskTicketCreated, User } from '@contract'
import { useEffect, useState } from 'react'
import { keepSession, loginAsDemo } from '../../../shared/auth'
import { call, RequestError } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'
import { QrCode } from '../../staff/components/QrCode'

/** Often enough to feel immediate after the phone confirms; the API does not count these polls as logins. */
const POLL_MS = 2000

/**
 * 扫码登录 on the computer: a code from the API, drawn here, polled with the secret only this page holds. When a staff
 * member's phone confirms it, the next poll brings a session; an expired code is replaced by a new one.
 */
export function DeskSignIn({ onSignedIn }: { onSignedIn(user: User): void }) {
  const { t } = useSettings()
  const [code, setCode] = useState<DeskTicketCreated | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [demo, setDemo] = useState(false)

  useEffect(() => {
    void call('GET /api/auth/options', { toast: false }).then(
      (options) => setDemo(options.dev),
      () => undefined,
    )
  }, [])

  useEffect(() => {
    if (code || failure) return
    call('POST /api/auth/desk', { toast: false }).then(setCode, (error: unknown) =>
      setFailure(error instanceof RequestError ? error.message : t('common.error')),
    )
  }, [code, failure, t])

  useEffect(() => {
    if (!code) return
    let done = false
    const timer = setInterval(() => {
      call('POST /api/auth/desk/{ticket}/poll', {
        path: { ticket: code.ticket },
        body: { secret: code.secret },
        toast: false,
      })
        .then(async ({ status, token }) => {
          if (done) return
          if (token) {
            done = true
            onSignedIn(await keepSession(token))
          } else if (status === 'expired' || status === 'used') setCode(null)
        })
        // A missed poll (network) is retried by the next one.
        .catch(() => undefined)
    }, POLL_MS)
    return () => {
      done = true
      clearInterval(timer)
    }
  }, [code, onSignedIn])

  return (
    <main className="desk-sign-in" aria-labelledby="desk-sign-in-title">
      <h1 id="desk-sign-in-title">{t('desk.title')}</h1>
      <p>{t('desk.signIn.how')}</p>
      {failure ? (
        <div role="alert" className="desk-sign-in__failure">
          <p>{failure}</p>
          <button type="button" className="desk-button" onClick={() => setFailure(null)}>
            {t('common.retry')}
          </button>
        </div>
      ) : code ? (
        <figure id="desk-code" className="desk-sign-in__code">
          <QrCode text={code.qrText} size={440} />
          <figcaption>
            {t('desk.signIn.expires', { time: new Date(code.expiresAt).toLocaleTimeString('zh-CN') })}
          </figcaption>
        </figure>
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
      {demo ? (
        <button
          id="desk-demo-login"
          type="button"
          className="desk-button desk-sign-in__demo"
          onClick={() =>
            void loginAsDemo({ openid: 'demo-staff', role: 'staff', nickname: t('desk.signIn.demoName') }).then(
              onSignedIn,
            )
          }
        >
          {t('desk.signIn.demo')}
        </button>
      ) : null}
    </main>
  )
}
