// inbox.js — the approval steps waiting for the logged-in chief or legal officer (GET /approvals).
// The server knows who decides which step (a station chief, the county 法制大队, the county chief);
// the case page asks the inbox instead of guessing from units.
import { ref } from 'vue'
import api from '../api.js'
import { can } from '../auth.js'

export const inboxIds = ref(null) // Set of approval ids, null until loaded

export async function loadInbox(user) {
  if (!user || !can('approval.list')) {
    inboxIds.value = new Set()
    return inboxIds.value
  }
  try {
    const d = await api.get('/approvals', { page: 1, per_page: 200 })
    inboxIds.value = new Set((d.items || []).map((a) => a.id))
  } catch (e) {
    inboxIds.value = null
  }
  return inboxIds.value
}
