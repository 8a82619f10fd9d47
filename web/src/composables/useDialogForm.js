// useDialogForm.js — the life of one dialog form: the model reset on open, client validation
// (el-form rules), submit with a busy flag, server field errors shown beside their fields
// (form-errors.js), success toast, 'saved' and close.
//
//   const { form, formRef, busy, errors, reset, save, close } = useDialogForm({
//     initial: () => ({ name: props.user?.name || '' }),  // the model when the dialog opens
//     submit: (form) => api.post('/users', { … }),         // throw an ApiError to refuse
//     success: '用户已创建',                               // or (result) => text; omit for no toast
//     emit                                                 // of 'update:modelValue' and 'saved'
//     close: () => emit('close'),                         // optional: a dialog opened by a prop
//     saved: (result) => emit('done', result),             // optional: another event than 'saved'
//     failed: (e) => handled                               // optional: an error shown its own way
//   })
//   <el-dialog … @open="reset"> <el-form ref="formRef" :model="form" :rules="rules">
//   <el-form-item prop="name" :error="errors.name"> … <el-button :loading="busy" @click="save">
//
// A dialog of a page (neither close nor emit given) is opened by the form itself: `open(record)`
// shows it for that record (`record`, null when none), `visible` is its v-model, and `close()`
// hides it — so a page keeps no open flag and no "open for this row" function per dialog:
//   const vf = useDialogForm({ initial, submit: (f) => api.post(`/x/${vf.record.value.id}/y`, f), saved: load })
//   <el-button @click="vf.open(row)"> … <el-dialog v-model="vf.visible.value" @open="vf.reset">
//
// A server error naming a field of the model (`error.field`) is shown under that field; any other
// error is a toast — or, with `refusal: true`, kept in `refusal.refusal` for a <RuleAlert> (rule
// violations, conflicts, permission) as useRefusal does; there a refusal by a rule (`error.rule`)
// always goes to the <RuleAlert>, with its label and article, even when it names a field. `fields` narrows which fields may take a
// server error (default: the model's). `check: (form, errors) => ok` is a check without el-form
// rules: it fills `errors` and returns false to stop the submit.
import { reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { useFieldErrors, useRefusal } from '../form-errors.js'

export function useDialogForm(options) {
  const form = reactive(options.initial())
  const formRef = ref()
  const busy = ref(false)
  const visible = ref(false)
  const record = ref(null)
  const { errors, clear, show } = useFieldErrors()
  const { state: refusal, refuse, clearRefusal } = useRefusal()

  function reset() {
    clear()
    clearRefusal()
    const init = options.initial()
    for (const k of Object.keys(form)) if (!(k in init)) delete form[k]
    Object.assign(form, init)
    if (formRef.value) formRef.value.clearValidate()
  }

  function open(rec) {
    record.value = rec ?? null
    visible.value = true
  }

  function close() {
    if (options.close) options.close()
    else if (options.emit) options.emit('update:modelValue', false)
    else visible.value = false
  }

  async function save() {
    clear()
    clearRefusal()
    if (options.check && !options.check(form, errors)) return false
    if (formRef.value) {
      const ok = await formRef.value.validate().catch(() => false)
      if (!ok) return false
    }
    busy.value = true
    try {
      const result = await options.submit(form)
      const text = typeof options.success === 'function' ? options.success(result) : options.success
      if (text) ElMessage.success(text)
      if (options.saved) options.saved(result)
      else if (options.emit) options.emit('saved', result)
      close()
      return true
    } catch (e) {
      const fields = options.fields || Object.keys(form)
      if (options.failed && options.failed(e)) return false
      if (options.refusal && (e?.rule || !(e && e.field && fields.includes(e.field)))) refuse(e)
      else show(e, fields)
      return false
    } finally {
      busy.value = false
    }
  }

  return { form, formRef, busy, errors, refusal, reset, save, close, open, visible, record }
}
