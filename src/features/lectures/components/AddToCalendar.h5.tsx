import type { LectureSession } from '@contract'
import { assetUrl } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'

/**
 * 添加到手机日历 in the browser: the session's iCalendar file from the API, which a phone's browser hands to its
 * calendar (and a computer's saves).
 */
export function AddToCalendar({ session }: { session: LectureSession }) {
  const { t, language } = useSettings()
  return (
    <a
      id="add-calendar"
      className="btn btn--ghost"
      href={assetUrl(`/api/lectures/sessions/${encodeURIComponent(session.id)}.ics?lang=${language}`)}
      download={`lecture-${session.id}.ics`}
    >
      {t('lectures.addToCalendar')}
    </a>
  )
}
