// form-errors.js — show a server error beside the form field it names (error.field).
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'

/** Toast an ApiError, unless it already sent the user to the login page. */
export function toastError(e) {
  if (e && e.sessionGone) return
  ElMessage.error((e && e.message) || '操作失败')
}

export function useFieldErrors() {
  const errors = reactive({})
  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }
  /** Put e.message under errors[e.field] if the form has that field, else a toast. */
  function show(e, fields) {
    clear()
    if (e && e.field && (!fields || fields.includes(e.field))) {
      errors[e.field] = e.message
    } else {
      toastError(e)
    }
  }
  return { errors, clear, show }
}

/**
 * For forms and dialogs that may be refused by a case rule: `refusal` holds the ApiError to show in a
 * <RuleAlert>; `refuse(e)` keeps rule violations, conflicts and validation errors for the alert and
 * toasts the rest (network, permission …).
 */
export function useRefusal() {
  const state = reactive({ refusal: null })
  function refuse(e) {
    if (e && e.sessionGone) return
    if (e && (e.rule || e.status === 409 || e.status === 400 || e.status === 422 || e.status === 403)) {
      state.refusal = e
    } else {
      state.refusal = null
      toastError(e)
    }
  }
  function clearRefusal() {
    state.refusal = null
  }
  return { state, refuse, clearRefusal }
}
