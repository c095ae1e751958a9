import type { ApiError, SheetImportResponse } from '@contract'
import { SHEET_KINDS } from '@values/orders'
import { useState } from 'react'
import { call, callForFile, RequestError } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'
import { DeskTable, type Column } from './DeskTable'

type SheetKind = (typeof SHEET_KINDS)[number]
type Format = 'xlsx' | 'csv'
type RowError = SheetImportResponse['errors'][number]
type Outcome =
  | { state: 'busy'; mode: 'preview' | 'apply' }
  | { state: 'done'; result: SheetImportResponse }
  | { state: 'refused'; message: string; rows: RowError[] }
  | null

const TYPES: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
}
/** The file's type as the API takes it, by its name (browsers give CSV files several types, or none). */
const typeOfFile = (file: File) =>
  /\.csv$/i.test(file.name) ? TYPES.csv : /\.xlsx$/i.test(file.name) ? TYPES.xlsx : file.type

/** Hands the bytes to the browser as a download, named as the API names the file. */
function saveFile(bytes: ArrayBuffer, name: string, type: string) {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob([bytes], { type }))
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 1000)
}

/**
 * 表格导入导出: every sheet kind the API declares (the contract's list, so a new kind appears here by itself), each
 * downloaded as .xlsx or .csv with the session's token (fetched, then saved from a Blob), and a file loaded back:
 * preview first (counts and the refused rows), then apply, which writes every row or, with any refused, none.
 */
export function SheetsSection({ onApplied }: { onApplied(): void }) {
  const { t, language } = useSettings()
  const [kind, setKind] = useState<SheetKind>(SHEET_KINDS[0])
  const [file, setFile] = useState<File | null>(null)
  const [downloading, setDownloading] = useState<string | null>(null)
  const [downloadError, setDownloadError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const kindName = (k: SheetKind) => t(`desk.sheets.kind.${k}`)

  const download = async (k: SheetKind, format: Format) => {
    setDownloading(`${k}.${format}`)
    setDownloadError(null)
    try {
      const route = format === 'xlsx' ? 'GET /api/staff/sheets/{kind}.xlsx' : 'GET /api/staff/sheets/{kind}.csv'
      saveFile(await callForFile(route, { path: { kind: k }, toast: false }), `${k}.${format}`, TYPES[format])
    } catch (error) {
      setDownloadError(error instanceof RequestError ? error.message : t('common.error'))
    } finally {
      setDownloading(null)
    }
  }

  const load = async (mode: 'preview' | 'apply') => {
    if (!file) return
    setOutcome({ state: 'busy', mode })
    try {
      const result = await call('POST /api/staff/sheets/{kind}', {
        path: { kind },
        query: { mode },
        body: await file.arrayBuffer(),
        contentType: typeOfFile(file),
        toast: false,
      })
      setOutcome({ state: 'done', result })
      if (mode === 'apply') onApplied()
    } catch (error) {
      const refusal: ApiError['error'] | undefined = error instanceof RequestError ? error.refusal : undefined
      setOutcome({
        state: 'refused',
        message: error instanceof RequestError ? error.message : t('common.error'),
        rows: refusal?.rows ?? [],
      })
    }
  }

  const errorColumns: Column<RowError>[] = [
    { key: 'row', title: t('desk.sheets.row'), cell: (e) => e.row, sortBy: (e) => e.row },
    { key: 'column', title: t('desk.sheets.column'), cell: (e) => e.column ?? '—', sortBy: (e) => e.column ?? '' },
    { key: 'message', title: t('desk.sheets.message'), cell: (e) => (language === 'en' ? e.messageEn : e.message) },
  ]
  const rowErrors = (rows: RowError[]) => (
    <DeskTable
      label={t('desk.sheets.errors')}
      columns={errorColumns}
      rows={rows}
      rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.code}`}
    />
  )
  const busy = outcome?.state === 'busy'
  const counts = ({ mode, rows, created, updated, unchanged }: SheetImportResponse) =>
    t(`desk.sheets.counts.${mode}`, { rows, created, updated, unchanged })

  return (
    <div className="desk-sheets">
      <section aria-labelledby="desk-sheets-export">
        <h2 id="desk-sheets-export">{t('desk.sheets.export')}</h2>
        <ul className="desk-sheets__kinds">
          {SHEET_KINDS.map((k) => (
            <li key={k} className="desk-sheets__kind">
              <span>{kindName(k)}</span>
              {(['xlsx', 'csv'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="desk-button"
                  aria-label={t('desk.sheets.download', { kind: kindName(k), format })}
                  aria-busy={downloading === `${k}.${format}`}
                  disabled={downloading !== null}
                  onClick={() => void download(k, format)}
                >
                  .{format}
                </button>
              ))}
            </li>
          ))}
        </ul>
        {downloading ? <p aria-busy="true">{t('common.loading')}</p> : null}
        {downloadError ? <p role="alert">{downloadError}</p> : null}
      </section>

      <form
        className="desk-form desk-form--wide"
        aria-labelledby="desk-sheets-import"
        onSubmit={(event) => {
          event.preventDefault()
          void load('preview')
        }}
      >
        <h2 id="desk-sheets-import">{t('desk.sheets.import')}</h2>
        <p className="desk-form--hint">{t('desk.sheets.how')}</p>
        <label className="desk-form__field">
          <span>{t('desk.sheets.kind')}</span>
          <select
            className="desk-form__input"
            name="kind"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as SheetKind)
              setOutcome(null)
            }}
          >
            {SHEET_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="desk-form__field">
          <span>{t('desk.sheets.file')}</span>
          <input
            className="desk-form__input"
            type="file"
            name="file"
            accept=".xlsx,.csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null)
              setOutcome(null)
            }}
          />
        </label>
        <div className="desk-form__actions">
          <button type="submit" className="desk-button" disabled={!file || busy}>
            {t('desk.sheets.preview')}
          </button>
          <button type="button" className="desk-form__save" disabled={!file || busy} onClick={() => void load('apply')}>
            {t('desk.sheets.apply')}
          </button>
        </div>
      </form>

      <section className="desk-sheets__outcome" aria-live="polite">
        {outcome?.state === 'busy' ? <p aria-busy="true">{t(`desk.sheets.busy.${outcome.mode}`)}</p> : null}
        {outcome?.state === 'done' ? (
          <>
            <p role="status">{counts(outcome.result)}</p>
            {outcome.result.errors.length > 0 ? rowErrors(outcome.result.errors) : <p>{t('desk.sheets.noErrors')}</p>}
          </>
        ) : null}
        {outcome?.state === 'refused' ? (
          <>
            <p role="alert">{outcome.message}</p>
            {outcome.rows.length > 0 ? rowErrors(outcome.rows) : null}
          </>
        ) : null}
      </section>
    </div>
  )
}
