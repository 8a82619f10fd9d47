// units.js — the org-unit list (GET /units), cached per page load, and tree helpers.
import { ref } from 'vue'
import api from './api.js'
import { unitKindName } from './roles.js'

export const units = ref([])
let pending = null

/** Load (or reload with force) all units visible to the user. Throws ApiError. */
export function loadUnits(force = false) {
  if (units.value.length && !force) return Promise.resolve(units.value)
  if (pending) return pending
  pending = api
    .get('/units', { per_page: 1000 })
    .then((data) => {
      units.value = data.items || []
      return units.value
    })
    .finally(() => {
      pending = null
    })
  return pending
}

export function forgetUnits() {
  units.value = []
}

/** Flat list → nested tree ({...unit, children}); orphans (parent not visible) become roots. */
export function buildTree(items) {
  const byId = new Map(items.map((u) => [u.id, { ...u, kind_name: unitKindName(u.kind), children: [] }]))
  const roots = []
  for (const node of byId.values()) {
    const parent = node.parent_id != null ? byId.get(node.parent_id) : null
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sortRec = (list) => {
    list.sort((a, b) => String(a.code || '').localeCompare(String(b.code || '')) || a.id - b.id)
    for (const n of list) {
      if (n.children.length) sortRec(n.children)
      else delete n.children
    }
  }
  sortRec(roots)
  return roots
}

/** el-tree-select data: {value,label,children}. */
export function unitOptions(items) {
  const conv = (n) => ({
    value: n.id,
    label: n.name,
    children: n.children ? n.children.map(conv) : undefined
  })
  return buildTree(items).map(conv)
}

/** The name shown in the title bar: the nearest 县局/市局 above (or at) the user's unit. */
export function titleUnitName(user, items) {
  if (!user || !user.unit) return ''
  const byId = new Map(items.map((u) => [u.id, u]))
  let cur = byId.get(user.unit.id)
  for (let i = 0; cur && i < 16; i++) {
    if (cur.kind === 'bureau' || cur.kind === 'city') return cur.name
    cur = cur.parent_id != null ? byId.get(cur.parent_id) : null
  }
  return user.unit.name
}
