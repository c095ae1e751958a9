/**
 * What the app uses as controls in the browser build: Taro's H5 `Button` (a custom element, not a <button>) and the
 * Views given a control's role. Neither is reachable with Tab or pressed with Enter/Space on its own.
 */
const CONTROLS = [
  'taro-button-core',
  ...['button', 'link', 'tab', 'radio', 'checkbox', 'switch'].map((role) => `[role="${role}"]`),
].join(', ')

function makeReachable(root: ParentNode) {
  for (const control of Array.from(root.querySelectorAll<HTMLElement>(CONTROLS))) {
    if (!control.hasAttribute('tabindex')) control.tabIndex = 0
    if (control.localName === 'taro-button-core' && !control.hasAttribute('role'))
      control.setAttribute('role', 'button')
  }
  // Taro's H5 Switch keeps its checkbox inside the element that carries the label: the checkbox is named after it.
  for (const toggle of Array.from(root.querySelectorAll<HTMLElement>('taro-switch-core[aria-label]'))) {
    toggle.querySelector('input:not([aria-label])')?.setAttribute('aria-label', toggle.getAttribute('aria-label') ?? '')
  }
}

/** In the browser, every control can be reached with Tab and pressed with Enter or Space, as a <button> can. */
export function makeControlsKeyboardReachable() {
  if (process.env.TARO_ENV !== 'h5') return
  makeReachable(document.body)
  new MutationObserver(() => makeReachable(document.body)).observe(document.body, { childList: true, subtree: true })
  document.addEventListener('keydown', (event) => {
    const target = event.target
    if ((event.key === 'Enter' || event.key === ' ') && target instanceof HTMLElement && target.matches(CONTROLS)) {
      event.preventDefault()
      target.click()
    }
  })
}
