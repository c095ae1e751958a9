import type { Guesthouse, StaffScope } from '@contract'
import { useCallback, useEffect, useState } from 'react'
import { call, RequestError } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'
import { useTown } from '../../../shared/town'
import { placeBody, placeDraft, type PlaceDraft } from '../../staff/place-forms'
import { communityColumn, DeskTable, editColumn, type Column } from './DeskTable'
import { refusalOf, Refusal, type FormRefusal } from './Refusal'

type Loaded = { places: Guesthouse[]; scope: StaffScope } | { error: string } | null
const FIELDS = ['name', 'address', 'lat', 'lng', 'roomsNote'] as const

/**
 * 民居客栈 as a table with the form beside it: a guesthouse is added or changed here through the single-item API; its
 * photos stay on the phone page (the form keeps them as they are).
 */
export function GuesthousesSection({ communityName }: { communityName(id: string | null): string }) {
  const { t, inLanguage } = useSettings()
  const town = useTown()
  const [loaded, setLoaded] = useState<Loaded>(null)
  const [draft, setDraft] = useState<PlaceDraft | null>(null)
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [refusal, setRefusal] = useState<FormRefusal | null>(null)

  const load = useCallback(() => {
    Promise.all([
      call('GET /api/guesthouses', { toast: false }),
      call('GET /api/communities/mine', { toast: false }),
    ]).then(
      ([places, scope]) => setLoaded({ places: places.items, scope }),
      (error: unknown) => setLoaded({ error: error instanceof RequestError ? error.message : t('common.error') }),
    )
  }, [t])
  useEffect(load, [load])

  if (!loaded) return <p aria-busy="true">{t('common.loading')}</p>
  if ('error' in loaded) return <p role="alert">{loaded.error}</p>
  const { places, scope } = loaded

  const open = (draftToEdit: PlaceDraft) => {
    setDraft(draftToEdit)
    setState('idle')
    setRefusal(null)
  }
  const save = async () => {
    if (!draft || state === 'saving') return
    setState('saving')
    setRefusal(null)
    const body = placeBody(draft)
    try {
      const { guesthouse } = draft.id
        ? await call('PATCH /api/guesthouses/{id}', { path: { id: draft.id }, body, toast: false })
        : await call('POST /api/guesthouses', { body, toast: false })
      setDraft(placeDraft(scope, town, guesthouse))
      setState('saved')
      load()
    } catch (error) {
      setRefusal(refusalOf(error, t('common.error')))
      setState('idle')
    }
  }

  const columns: Column<Guesthouse>[] = [
    { key: 'name', title: t('staff.name'), cell: (g) => g.name, sortBy: (g) => g.name },
    communityColumn(t, communityName),
    { key: 'address', title: t('staff.address'), cell: (g) => g.address },
    editColumn(
      t,
      (g) => g.name,
      (g) => open(placeDraft(scope, town, g)),
    ),
  ]
  const labelOf = (field: string) => {
    const key = FIELDS.find((f) => field.startsWith(f))
    return key ? t(`staff.place.${key}`) : field === 'communityId' ? t('staff.community') : field
  }
  const heading = draft?.id ? t('desk.editing', { name: draft.name }) : t('desk.newGuesthouse')

  return (
    <div className="desk-work">
      <div>
        <button type="button" className="desk-button desk-work__add" onClick={() => open(placeDraft(scope, town))}>
          {t('staff.addGuesthouse')}
        </button>
        <DeskTable
          label={t('desk.section.guesthouses')}
          columns={columns}
          rows={places}
          rowKey={(g) => g.id}
          selectedKey={draft?.id}
        />
      </div>
      {draft ? (
        <form
          className="desk-form"
          aria-label={heading}
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <h2>{heading}</h2>
          {scope.district || scope.items.length > 1 ? (
            <label className="desk-form__field">
              <span>{t('staff.community')}</span>
              <select
                className="desk-form__input"
                name="communityId"
                value={draft.communityId ?? ''}
                onChange={(event) => setDraft({ ...draft, communityId: event.target.value || null })}
              >
                {scope.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {inLanguage(c.name, c.nameEn)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {FIELDS.map((key) => (
            <label key={key} className="desk-form__field">
              <span>{t(`staff.place.${key}`)}</span>
              <input
                className="desk-form__input"
                name={key}
                inputMode={key === 'lat' || key === 'lng' ? 'decimal' : undefined}
                value={draft[key]}
                aria-invalid={refusal?.fields.has(key) || undefined}
                onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
              />
            </label>
          ))}
          <div className="desk-form__actions">
            <button type="submit" className="desk-form__save" disabled={state === 'saving'}>
              {t('staff.save')}
            </button>
            <button type="button" className="desk-button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
          </div>
          <Refusal refusal={refusal} labelOf={labelOf} />
          {state === 'saved' ? <p role="status">{t('staff.saved')}</p> : null}
        </form>
      ) : (
        <aside className="desk-form desk-form--hint">{t('desk.pickRow')}</aside>
      )}
    </div>
  )
}
