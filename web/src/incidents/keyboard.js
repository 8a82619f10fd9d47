// keyboard.js — the desk keys of the 接警登记 form: Enter moves to the next field (an open select
// first takes the highlighted option), Shift+Enter is a new line in the summary, Ctrl+Enter submits.
//
// Fields are the elements marked data-nav inside the form, in page order; a select's field says
// data-empty="1" while nothing is chosen. Bind the handler in the
// capture phase (@keydown.capture): el-select swallows Enter before it would bubble.
import { nextTick } from 'vue'

const FOCUSABLE = 'input[type="radio"]:checked, input:not([type="hidden"]):not([disabled]):not([type="radio"]), textarea, button'

function fields(root) {
  return Array.from(root.querySelectorAll('[data-nav]'))
}

/** Focus the first focusable element of field `i` (the checked radio of a radio group). */
function focusField(root, i) {
  const list = fields(root)
  const f = list[i]
  if (!f) return false
  const el = f.matches(FOCUSABLE) ? f : f.querySelector(FOCUSABLE) || f.querySelector('input[type="radio"]')
  if (el) el.focus()
  return !!el
}

export function focusFirst(root) {
  if (root) focusField(root, 0)
}

export function useDeskKeys(rootRef, { submit }) {
  function moveNext(from) {
    const root = rootRef.value && (rootRef.value.$el || rootRef.value)
    if (!root) return
    const list = fields(root)
    const i = list.findIndex((f) => f.contains(from))
    if (i >= 0) focusField(root, i + 1)
  }

  function onKeydown(e) {
    if (e.key !== 'Enter' || e.isComposing) return
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault()
      e.stopPropagation()
      submit()
      return
    }
    const t = e.target
    if (!t || t.tagName === 'BUTTON') return // Enter on a button presses it
    if (t.tagName === 'TEXTAREA' && e.shiftKey) return // a new line
    const select = t.closest('.el-select')
    if (select) {
      const field = t.closest('[data-nav]')
      const empty = () => !!field && field.dataset.empty === '1'
      if (t.getAttribute('aria-expanded') === 'true') {
        // the select takes the highlighted option, then the desk moves on (not while still empty)
        const still = () => !!field && field.contains(document.activeElement)
        setTimeout(() => nextTick(() => still() && !empty() && moveNext(t)), 0)
        return
      }
      if (empty()) return // closed and empty: Enter opens the list
    }
    e.preventDefault()
    e.stopPropagation()
    moveNext(t)
  }

  return { onKeydown }
}
