// data.js — code tables of 110 接处警, each loaded once per page load: 警情类别 (with pinyin
// initials for the desk search) and the stations a call can be dispatched to.
import { computed, ref } from 'vue'
import api from '../api.js'
import { loadUnits, units } from '../units.js'

export const categories = ref([])
let pending = null

export function loadCategories() {
  if (categories.value.length) return Promise.resolve(categories.value)
  if (!pending) {
    pending = api
      .get('/incident-categories')
      .then((d) => {
        categories.value = d.items || []
        return categories.value
      })
      .finally(() => {
        pending = null
      })
  }
  return pending
}

/** Top categories, each with its sub-categories: [{code, name, items:[…]}]. */
export const categoryGroups = computed(() => {
  const tops = categories.value.filter((c) => !c.parent)
  return tops.map((t) => ({ ...t, items: categories.value.filter((c) => c.parent === t.code) }))
})

export const categoryName = (code) => (categories.value.find((c) => c.code === code) || {}).name || code || ''

/**
 * Does a category match what the desk typed? Characters of the name, the code, or pinyin initials
 * ("odtr" → 殴打他人); a top category's match brings all its sub-categories.
 */
export function categoryMatches(cat, text) {
  const t = String(text || '').trim().toLowerCase()
  if (!t) return true
  const own = (c) => c.name.includes(t) || c.code.startsWith(t) || (c.initials || '').includes(t)
  if (own(cat)) return true
  const parent = cat.parent && categories.value.find((c) => c.code === cat.parent)
  return !!parent && own(parent)
}

/** The nine stations (units of kind station), from GET /units. */
export const stations = computed(() => units.value.filter((u) => u.kind === 'station' && u.active !== false))

export function loadStations() {
  return loadUnits().then(() => stations.value)
}

/** "138****8000" vs a typed number: same first three and last four digits. */
export function phoneMatches(masked, typed) {
  const m = String(masked || '')
  const t = String(typed || '').replace(/\D/g, '')
  if (m.length < 7 || t.length < 7 || m.length !== t.length) return m === t && !!t
  return m.slice(0, 3) === t.slice(0, 3) && m.slice(-4) === t.slice(-4)
}
