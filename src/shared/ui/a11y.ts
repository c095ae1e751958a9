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
