import type { Town } from '@contract'
import { useState } from 'react'
import { call } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'
import { loadTown, useTown } from '../../../shared/town'

type Draft = Record<'name' | 'nameEn' | 'intro' | 'introEn' | 'lat' | 'lng' | 'zoom', string>
const draftOf = (town: Town): Draft => ({
  name: town.name,
  nameEn: town.nameEn,
  intro: town.intro,
  introEn: town.introEn,
  lat: String(town.center.lat),
  lng: String(town.center.lng),
  zoom: String(town.zoom),
})

/** 古城设置: the town every visitor's app shows. The API lets only a district account change it and says so to others. */
export function TownSection() {
  const { t } = useSettings()
  const town = useTown()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saved, setSaved] = useState(false)
  if (!town) return <p aria-busy="true">{t('common.loading')}</p>
  const shown = draft ?? draftOf(town)

  const save = async () => {
    try {
      const changed = await call('PATCH /api/town', {
        body: {
          name: shown.name,
          nameEn: shown.nameEn,
          intro: shown.intro,
          introEn: shown.introEn,
          center: { lat: Number(shown.lat), lng: Number(shown.lng) },
          zoom: Number(shown.zoom),
        },
      })
      setDraft(draftOf(changed))
      setSaved(true)
      void loadTown(true)
    } catch {
      setSaved(false) // The request client has shown why.
    }
  }
  const field = (key: keyof Draft, long = false) => (
    <label className="desk-form__field">
      <span>{t(`desk.town.${key}`)}</span>
      {long ? (
        <textarea
          className="desk-form__input desk-form__input--long"
          name={key}
          value={shown[key]}
          onChange={(event) => setDraft({ ...shown, [key]: event.target.value })}
        />
      ) : (
        <input
          className="desk-form__input"
          name={key}
          value={shown[key]}
          onChange={(event) => setDraft({ ...shown, [key]: event.target.value })}
        />
      )}
    </label>
  )
  return (
    <form
      className="desk-form desk-form--wide"
      aria-label={t('desk.section.town')}
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <p>{t('desk.town.who')}</p>
      {field('name')}
      {field('nameEn')}
      {field('intro', true)}
      {field('introEn', true)}
      {field('lat')}
      {field('lng')}
      {field('zoom')}
      <div className="desk-form__actions">
        <button type="submit" className="desk-form__save">
          {t('staff.save')}
        </button>
      </div>
      {saved ? <p role="status">{t('staff.saved')}</p> : null}
    </form>
  )
}
