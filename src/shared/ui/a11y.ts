/**
 * A control's accessible role and state, for either build: WeChat reads `aria-role`, `aria-checked` and
 * `aria-selected` from the .wxml (config/index.ts adds them to Taro's templates), the browser `role` and the same
 * aria-* attributes. `{...control('radio', { checked })}` on a chip, `{...control('tab', { selected })}` on a tab.
 */
export function control(role: string, state: { checked?: boolean; selected?: boolean } = {}) {
  return {
    ...(process.env.TARO_ENV === 'h5' ? { role } : { ariaRole: role }),
    'aria-checked': state.checked,
    'aria-selected': state.selected,
  }
}

/**
 * The label WeChat's screen reader reads for a control made of several texts (a card, a big button with an icon). The
 * browser names such a control from what it shows instead: a label that leaves out shown text misleads those who
 * speak to their browser by what they see (axe: label-content-name-mismatch).
 */
export const spokenLabel = (label: string) => (process.env.TARO_ENV === 'h5' ? {} : { ariaLabel: label })
