import { useMemo, useState, type ReactNode } from 'react'
import { useSettings } from '../../../shared/settings'

export interface Column<T> {
  key: string
  title: string
  cell(row: T): ReactNode
  /** Sortable columns give the value rows are ordered by. */
  sortBy?(row: T): string | number
}

const PAGE_SIZE = 10

type Translate = ReturnType<typeof useSettings>['t']

/** The community a row belongs to, by name, sortable: stations, guesthouses and registrations show it alike. */
export function communityColumn<T extends { communityId: string | null }>(
  t: Translate,
  communityName: (id: string | null) => string,
): Column<T> {
  return {
    key: 'community',
    title: t('desk.community'),
    cell: (row) => communityName(row.communityId),
    sortBy: (row) => communityName(row.communityId),
  }
}

/** A row's 编辑 button, named for the row so a screen reader says which one it edits. */
export function editColumn<T>(t: Translate, nameOf: (row: T) => string, edit: (row: T) => void): Column<T> {
  return {
    key: 'edit',
    title: t('desk.actions'),
    cell: (row) => (
      <button
        type="button"
        className="desk-button"
        aria-label={`${t('desk.edit')} ${nameOf(row)}`}
        onClick={() => edit(row)}
      >
        {t('desk.edit')}
      </button>
    ),
  }
}

/**
 * A table for the desk: sortable by the columns that say how, paged ten rows at a time. A header's button toggles
 * ascending / descending and the header carries aria-sort, so a screen reader hears the order too.
 */
export function DeskTable<T>({
  label,
  columns,
  rows,
  rowKey,
  selectedKey,
}: {
  label: string
  columns: Column<T>[]
  rows: T[]
  rowKey(row: T): string
  selectedKey?: string | null
}) {
  const { t } = useSettings()
  const [sort, setSort] = useState<{ key: string; ascending: boolean } | null>(null)
  const [page, setPage] = useState(0)
  const sorted = useMemo(() => {
    const by = columns.find((column) => column.key === sort?.key)?.sortBy
    if (!by || !sort) return rows
    const order = sort.ascending ? 1 : -1
    return [...rows].sort((a, b) => {
      const [x, y] = [by(a), by(b)]
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh')) * order
    })
  }, [rows, columns, sort])
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE))
  const shownPage = Math.min(page, pages - 1)
  const shown = sorted.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE)

  const sortOn = (key: string) => {
    setSort((current) => ({ key, ascending: current?.key === key ? !current.ascending : true }))
    setPage(0)
  }

  return (
    <div className="desk-table">
      <table role="table" aria-label={label} className="desk-table__table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={sort?.key === column.key ? (sort.ascending ? 'ascending' : 'descending') : undefined}
              >
                {column.sortBy ? (
                  <button type="button" className="desk-table__sort" onClick={() => sortOn(column.key)}>
                    {column.title}
                    <span aria-hidden="true">{sort?.key === column.key ? (sort.ascending ? ' ▲' : ' ▼') : ' ↕'}</span>
                  </button>
                ) : (
                  column.title
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="desk-table__empty">
                {t('desk.table.empty')}
              </td>
            </tr>
          ) : (
            shown.map((row) => (
              <tr key={rowKey(row)} className={rowKey(row) === selectedKey ? 'desk-table__row--selected' : undefined}>
                {columns.map((column) => (
                  <td key={column.key}>{column.cell(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <div className="desk-table__pager" role="group" aria-label={t('desk.table.pages')}>
        <button type="button" className="desk-button" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
          {t('desk.table.previous')}
        </button>
        <span aria-live="polite">{t('desk.table.page', { page: shownPage + 1, pages, rows: sorted.length })}</span>
        <button
          type="button"
          className="desk-button"
          disabled={shownPage >= pages - 1}
          onClick={() => setPage(shownPage + 1)}
        >
          {t('desk.table.next')}
        </button>
      </div>
    </div>
  )
}
