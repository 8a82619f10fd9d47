// useRegister.js — the shape of a 特种行业 register page (旅客住宿登记, 废旧金属收购登记, 印章刻制登记,
// 典当登记): the paged list of `path` (its answer carries `figures`, merged into `figures`), the
// station's trade units of `kind` for the unit filter and the dialog, and `newEntry`, the dialog form
// of a new entry (useDialogForm: a refusal by a rule shown in its <RuleAlert>, field errors under the
// fields).
//
//   const { list, figures, units, unitsLoaded, newEntry, openNew } = useRegister({
//     path: '/hotel-guests', kind: 'hotel', figures: { hits: 0 }, filters, params,
//     initial: (unitId) => ({ unit_id: unitId, … }),   // unitId: the filtered unit or the first
//     body: (form) => ({ … }),                         // the POST body; bodyOf(form, fields) trims
//     saved: (result) => ElMessage…,                   // then the list is refreshed
//     fields: ['unit_id', …]                           // the fields that take a server error
//   })
//   <el-button @click="newEntry.open()">  or  @click="openNew"  (waits for the units first, so the
//   form starts on the first unit) … <el-dialog v-model="newEntry.visible.value" @open="newEntry.reset">
import { onMounted, reactive, ref } from 'vue'
import api from '../api.js'
import { usePagedList } from '../composables/usePagedList.js'
import { useDialogForm } from '../composables/useDialogForm.js'

/** The form's given fields, strings trimmed. */
export function bodyOf(form, fields) {
  const body = {}
  for (const k of fields) {
    const v = form[k]
    if (v !== '' && v !== null && v !== undefined) body[k] = typeof v === 'string' ? v.trim() : v
  }
  return body
}

export function useRegister(o) {
  const units = ref([])
  let unitsIn
  const unitsLoaded = new Promise((resolve) => (unitsIn = resolve)) // resolves once the units are in
  const figures = reactive({ ...o.figures })
  const list = usePagedList(
    (q) =>
      api.get(o.path, q).then((d) => {
        Object.assign(figures, d.figures || {})
        return d
      }),
    { filters: o.filters, params: o.params }
  )
  const newEntry = useDialogForm({
    initial: () => o.initial(list.filters.unit_id || (units.value[0] && units.value[0].id) || null),
    submit: (form) => api.post(o.path, o.body(form)),
    saved: (result) => {
      o.saved(result)
      list.refresh()
    },
    refusal: true,
    fields: o.fields
  })

  /** Open the new-entry dialog once the units are in (the form starts on the first unit). */
  async function openNew() {
    await unitsLoaded
    newEntry.open()
  }

  onMounted(async () => {
    list.load()
    try {
      units.value = (await api.get('/trade-units', { category: 'special_trade', kind: o.kind })).items || []
    } catch (e) {
      units.value = []
    }
    unitsIn()
  })

  return { list, figures, units, unitsLoaded, newEntry, openNew }
}
