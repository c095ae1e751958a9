import type { ActivityKind } from '@contract'
import type { MessageKey } from '../../shared/i18n'

export const kindLabel = (kind: ActivityKind): MessageKey => `activities.kind.${kind}`
