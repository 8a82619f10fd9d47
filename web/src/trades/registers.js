// registers.js — what the pages of the special trades' registers share (印章刻制登记, 典当登记): the
// station's units of one kind (the form's choice), a form's trimmed body, and its post with the
// refusal shown beside the field or as the rule's alert.
import { ref } from 'vue'
import api from '../api.js'

/** The station's open units of a trade kind: { units, loaded } (loaded resolves once they are in). */
export function unitsOfKind(kind) {
  const units = ref([])
  const loaded = api
    .get('/trade-units', { category: 'trade', kind })
    .then((d) => (units.value = d.items || []))
    .catch(() => (units.value = []))
  return { units, loaded }
}

/** The form's given fields, strings trimmed. */
export function bodyOf(form, fields) {
  const body = {}
  for (const k of fields) {
    const v = form[k]
    if (v !== '' && v !== null && v !== undefined) body[k] = typeof v === 'string' ? v.trim() : v
  }
  return body
}

/** POST the body; a field's error is shown beside it, a rule's refusal in the alert; null then. */
export async function postRegister(path, body, { show, refuse, fields }) {
  try {
    return await api.post(path, body)
  } catch (e) {
    if (e && e.field && !e.rule) show(e, fields)
    else refuse(e)
    return null
  }
}
