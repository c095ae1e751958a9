import { RequestError } from '../../../shared/client'
import { useSettings } from '../../../shared/settings'

type Detail = NonNullable<NonNullable<RequestError['refusal']>['details']>[number]

/** Why the API refused a desk form: its message and, for a validation refusal, each field to fix. */
export interface FormRefusal {
  message: string
  details: Detail[]
  fields: Set<string>
}

export function refusalOf(error: unknown, fallback: string): FormRefusal {
  const details = error instanceof RequestError ? (error.refusal?.details ?? []) : []
  return {
    message: error instanceof RequestError ? error.message : fallback,
    details,
    fields: new Set(details.map((detail) => detail.field.split('.')[0]!)),
  }
}

/** The refusal under a desk form, field by field (named as the form labels it) in the reader's language. */
export function Refusal({ refusal, labelOf }: { refusal: FormRefusal | null; labelOf(field: string): string }) {
  const { language } = useSettings()
  if (!refusal) return null
  return (
    <div role="alert" className="desk-form__refusal">
      <p>{refusal.message}</p>
      {refusal.details.length > 0 ? (
        <ul>
          {refusal.details.map((detail) => (
            <li key={detail.field}>
              {labelOf(detail.field)}: {language === 'en' ? detail.messageEn : detail.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
