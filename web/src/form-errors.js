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
