import type { LectureSession, Member, StationReport, WishFull } from '@contract'
import { useEffect, useState } from 'react'
import { pageUrl } from '@values/pages'
import { call, RequestError } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'
import { formatMoment } from '../../../shared/time'
import { memberQueue } from '../../members/queue'
import { communityColumn, DeskTable, type Column } from './DeskTable'

type Loaded<T> = { rows: T[] } | { error: string } | null

function useRows<T>(fetch: () => Promise<{ items: T[] }>): Loaded<T> {
  const { t } = useSettings()
  const [loaded, setLoaded] = useState<Loaded<T>>(null)
  useEffect(() => {
    fetch().then(
      ({ items }) => setLoaded({ rows: items }),
      (error: unknown) => setLoaded({ error: error instanceof RequestError ? error.message : t('common.error') }),
    )
  }, [fetch, t])
  return loaded
}

/** A staff list as a desk table; each row opens the page where it is handled. */
function ListSection<T extends { id: string }>({
  label,
  fetch,
  columns,
  pageOf,
}: {
  label: string
  fetch: () => Promise<{ items: T[] }>
  columns: Column<T>[]
  pageOf(row: T): string
}) {
  const { t } = useSettings()
  const loaded = useRows(fetch)
  if (!loaded) return <p aria-busy="true">{t('common.loading')}</p>
  if ('error' in loaded) return <p role="alert">{loaded.error}</p>
  const open: Column<T> = {
    key: 'open',
    title: t('desk.actions'),
    cell: (row) => <a href={`#${pageOf(row)}`}>{t('desk.open')}</a>,
  }
  return <DeskTable label={label} columns={[...columns, open]} rows={loaded.rows} rowKey={(row) => row.id} />
}

const byTime = (iso: string) => Date.parse(iso)

export function SessionsSection() {
  const { t, inLanguage, language } = useSettings()
  return (
    <ListSection<LectureSession>
      label={t('desk.section.sessions')}
      fetch={() => call('GET /api/lectures/sessions', { toast: false })}
      pageOf={(s) => pageUrl('staff/session', { id: s.id })}
      columns={[
        {
          key: 'topic',
          title: t('desk.topic'),
          cell: (s) => inLanguage(s.topicTitle, s.topicTitleEn),
          sortBy: (s) => s.topicTitle,
        },
        {
          key: 'startsAt',
          title: t('desk.startsAt'),
          cell: (s) => formatMoment(s.startsAt, language),
          sortBy: (s) => byTime(s.startsAt),
        },
        { key: 'place', title: t('desk.place'), cell: (s) => s.guesthouse.name, sortBy: (s) => s.guesthouse.name },
        {
          key: 'seats',
          title: t('desk.seats'),
          cell: (s) => `${s.confirmedCount} / ${s.capacity}`,
          sortBy: (s) => s.seatsLeft,
        },
      ]}
    />
  )
}

export function MembersSection({ communityName }: { communityName(id: string | null): string }) {
  const { t, language } = useSettings()
  return (
    <ListSection<Member>
      label={t('desk.section.members')}
      fetch={memberQueue}
      pageOf={() => pageUrl('staff/members')}
      columns={[
        { key: 'name', title: t('desk.realName'), cell: (m) => m.realName, sortBy: (m) => m.realName },
        { key: 'unit', title: t('desk.workUnit'), cell: (m) => m.workUnit, sortBy: (m) => m.workUnit },
        communityColumn(t, communityName),
        {
          key: 'createdAt',
          title: t('desk.filedAt'),
          cell: (m) => formatMoment(m.createdAt, language),
          sortBy: (m) => byTime(m.createdAt),
        },
      ]}
    />
  )
}

export function ReportsSection() {
  const { t, language } = useSettings()
  return (
    <ListSection<StationReport>
      label={t('desk.section.reports')}
      fetch={() => call('GET /api/stations/reports', { query: { status: 'open' }, toast: false })}
      pageOf={() => pageUrl('staff/reports')}
      columns={[
        { key: 'station', title: t('desk.station'), cell: (r) => r.stationName, sortBy: (r) => r.stationName },
        {
          key: 'category',
          title: t('desk.category'),
          cell: (r) => t(`report.${r.category}`),
          sortBy: (r) => r.category,
        },
        { key: 'text', title: t('desk.text'), cell: (r) => r.text },
        {
          key: 'createdAt',
          title: t('desk.filedAt'),
          cell: (r) => formatMoment(r.createdAt, language),
          sortBy: (r) => byTime(r.createdAt),
        },
      ]}
    />
  )
}

export function WishesSection() {
  const { t, inLanguage, language } = useSettings()
  return (
    <ListSection<WishFull>
      label={t('desk.section.wishes')}
      fetch={() => call('GET /api/wishes/review-queue', { toast: false })}
      pageOf={(w) => pageUrl('wishes/detail', { id: w.id })}
      columns={[
        { key: 'title', title: t('desk.title.wish'), cell: (w) => w.title, sortBy: (w) => w.title },
        {
          key: 'category',
          title: t('desk.category'),
          cell: (w) => t(`wish.category.${w.category}`),
          sortBy: (w) => w.category,
        },
        {
          key: 'community',
          title: t('desk.community'),
          cell: (w) => inLanguage(w.communityName, w.communityNameEn),
          sortBy: (w) => w.communityName,
        },
        {
          key: 'createdAt',
          title: t('desk.filedAt'),
          cell: (w) => formatMoment(w.createdAt, language),
          sortBy: (w) => byTime(w.createdAt),
        },
      ]}
    />
  )
}
