import type { StationKind, StationSummary } from '@contract'
import { STATION_KINDS } from '@values/orders'
import { pageUrl } from '@values/pages'
import { call, type Body } from '../../../shared/client'
import { useState } from 'react'
import { useSettings } from '../../../shared/settings'
import { communityColumn, DeskTable, editColumn, type Column } from './DeskTable'

type StationPatch = Body<'PATCH /api/stations/{id}'>

type Draft = { id: string; name: string; nameEn: string; kind: StationKind; address: string; phone: string }

/**
 * Stations as a table with the edit form beside it: the main fields of a station change here; hours, services and
 * photos stay on the full editor, which the form links to.
 */
export function StationsSection({
  stations,
  communityName,
  onSaved,
}: {
  stations: StationSummary[]
  communityName(id: string | null): string
  onSaved(): void
}) {
  const { t, inLanguage } = useSettings()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')

  const edit = async (id: string) => {
    const { station } = await call('GET /api/stations/{id}', { path: { id }, toast: false })
    setDraft({
      id,
      name: station.name,
      nameEn: station.nameEn,
      kind: station.kind,
      address: station.address,
      phone: station.phone ?? '',
    })
    setState('idle')
  }
  const save = async () => {
    if (!draft || state === 'saving') return
    setState('saving')
    const { id, phone, ...fields } = draft
    const patch: StationPatch = { ...fields, phone: phone.trim() === '' ? null : phone }
    try {
      await call('PATCH /api/stations/{id}', { path: { id }, body: patch })
      setState('saved')
      onSaved()
    } catch {
      setState('idle') // The request client has shown why.
    }
  }

  const columns: Column<StationSummary>[] = [
    { key: 'name', title: t('staff.name'), cell: (s) => inLanguage(s.name, s.nameEn), sortBy: (s) => s.name },
    { key: 'kind', title: t('staff.kind'), cell: (s) => t(`kind.${s.kind}`), sortBy: (s) => s.kind },
    communityColumn(t, communityName),
    { key: 'address', title: t('staff.address'), cell: (s) => s.address },
    {
      key: 'open',
      title: t('desk.openNow'),
      cell: (s) => (s.openNow ? t('desk.yes') : t('desk.no')),
      sortBy: (s) => (s.openNow ? 0 : 1),
    },
    editColumn(
      t,
      (s) => s.name,
      (s) => void edit(s.id),
    ),
  ]
  const field = (key: 'name' | 'nameEn' | 'address' | 'phone', label: string) =>
    draft ? (
      <label className="desk-form__field">
        <span>{label}</span>
        <input
          className="desk-form__input"
          name={key}
          value={draft[key]}
          onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        />
      </label>
    ) : null

  return (
    <div className="desk-work">
      <DeskTable
        label={t('desk.section.stations')}
        columns={columns}
        rows={stations}
        rowKey={(s) => s.id}
        selectedKey={draft?.id}
      />
      {draft ? (
        <form
          className="desk-form"
          aria-label={t('desk.editing', { name: draft.name })}
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <h2>{t('desk.editing', { name: draft.name })}</h2>
          {field('name', t('staff.name'))}
          {field('nameEn', t('staff.nameEn'))}
          <label className="desk-form__field">
            <span>{t('staff.kind')}</span>
            <select
              className="desk-form__input"
              name="kind"
              value={draft.kind}
              onChange={(event) => setDraft({ ...draft, kind: event.target.value as StationKind })}
            >
              {STATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          {field('address', t('staff.address'))}
          {field('phone', t('staff.phone'))}
          <div className="desk-form__actions">
            <button type="submit" className="desk-form__save" disabled={state === 'saving'}>
              {t('staff.save')}
            </button>
            <button type="button" className="desk-button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
            <a href={`#${pageUrl('staff/station-edit', { id: draft.id })}`}>{t('desk.fullEditor')}</a>
          </div>
          {state === 'saved' ? <p role="status">{t('staff.saved')}</p> : null}
        </form>
      ) : (
        <aside className="desk-form desk-form--hint">{t('desk.pickRow')}</aside>
      )}
    </div>
  )
}
