// usePagedList.js — the state of one paged list view: filters ↔ URL query, page / per_page,
// loading, error, items, total, and the request that fills them. Used with <DataTable :list="…">.
//
//   const list = usePagedList('/users', {
//     filters: { q: '', unit_id: null, role: '' },       // defaults; their types decide how the URL is read
//     params: (f) => ({ q: f.q.trim(), unit_id: f.unit_id, role: f.role }), // optional: filters → query
//     perPage: 20,
//     url: true                                          // keep filters and page in the address bar
//   })
//   list.search()   // page 1 with the current filters      list.refresh()  // same page again
//   list.reset()    // defaults, page 1                     list.load()     // fetch only
//
// Lists the server sends whole (rentals, wanted list): `local: (rows, filters) => rows` filters them
// in the browser and the pages are cut here; `params` then holds only what the server filters.
//
// `path` may also be a function (params) => Promise<{ items, total }> for lists not read with GET.
import { computed, reactive, ref, watch, getCurrentInstance } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import api from '../api.js'
import { toastError } from '../form-errors.js'

const clone = (v) => (Array.isArray(v) ? [...v] : v)

/** Read one filter from a query string value, typed like its default. */
function fromQuery(raw, def) {
  if (raw === undefined || raw === null) return clone(def)
  const v = Array.isArray(raw) ? raw[0] : raw
  if (Array.isArray(def)) return String(v) === '' ? [] : String(v).split(',')
  if (typeof def === 'boolean') return v === '1' || v === 'true'
  if (typeof def === 'number' || def === null) {
    if (v === '') return def
    const n = Number(v)
    return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(String(v)) ? n : def === null ? String(v) : def
  }
  return String(v)
}

/** One filter as a query string value, or undefined when it is at its default. */
function toQuery(v, def) {
  if (Array.isArray(v)) return v.length && String(v) !== String(def) ? v.join(',') : undefined
  if (v === def || v === '' || v === null || v === undefined) return undefined
  if (typeof v === 'boolean') return v ? '1' : '0'
  return String(v)
}

export function usePagedList(path, options = {}) {
  const defaults = options.filters || {}
  const perPageDefault = options.perPage || 20
  const useUrl = options.url !== false && !!getCurrentInstance()
  const route = useUrl ? useRoute() : null
  const router = useUrl ? useRouter() : null

  const filters = reactive(Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, clone(v)])))
  const rows = ref([])
  const count = ref(0)
  // the server stopped counting (total_capped): the total is a lower bound, shown as "1000+"
  const capped = ref(false)
  const local = options.local
  const filtered = local ? computed(() => local(rows.value, filters)) : null
  const items = local
    ? computed(() => filtered.value.slice((page.value - 1) * perPage.value, page.value * perPage.value))
    : rows
  const total = local ? computed(() => filtered.value.length) : count
  const page = ref(1)
  const perPage = ref(perPageDefault)
  const loading = ref(false)
  const error = ref(null)
  const loaded = ref(false)
  let seq = 0

  function readUrl() {
    if (!route) return
    const q = route.query
    for (const [k, def] of Object.entries(defaults)) filters[k] = fromQuery(q[k], def)
    page.value = Math.max(1, Number(q.page) || 1)
    perPage.value = Number(q.per_page) || perPageDefault
  }

  function queryOf() {
    const q = {}
    // keep query keys that are not this list's (e.g. a tab name)
    if (route) for (const [k, v] of Object.entries(route.query)) if (!(k in defaults) && k !== 'page' && k !== 'per_page') q[k] = v
    for (const [k, def] of Object.entries(defaults)) {
      const v = toQuery(filters[k], def)
      if (v !== undefined) q[k] = v
    }
    if (page.value > 1) q.page = String(page.value)
    if (perPage.value !== perPageDefault) q.per_page = String(perPage.value)
    return q
  }

  function writeUrl() {
    if (!router) return
    const q = queryOf()
    const same = JSON.stringify(q) === JSON.stringify(route.query)
    if (!same) router.replace({ query: q }).catch(() => {})
  }

  function requestParams() {
    const base = options.params ? options.params(filters) : { ...filters }
    return options.paged === false || local ? base : { ...base, page: page.value, per_page: perPage.value }
  }

  async function load() {
    const mine = ++seq
    loading.value = true
    error.value = null
    try {
      const params = requestParams()
      const data = typeof path === 'function' ? await path(params) : await api.get(typeof path === 'string' ? path : path.value, params)
      if (mine !== seq) return
      const list = options.items ? options.items(data) : data.items || []
      rows.value = list
      count.value = data.total ?? list.length
      capped.value = !!data.total_capped
      loaded.value = true
      if (options.onLoad) options.onLoad(data)
    } catch (e) {
      if (mine !== seq) return
      rows.value = []
      count.value = 0
      capped.value = false
      error.value = e
      if (!options.quiet) toastError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  function search() {
    page.value = 1
    writeUrl()
    return load()
  }

  function refresh() {
    return load()
  }

  function reset() {
    for (const [k, v] of Object.entries(defaults)) filters[k] = clone(v)
    return search()
  }

  function setPage(p) {
    page.value = p
    writeUrl()
    return local ? Promise.resolve() : load()
  }

  function setPerPage(n) {
    perPage.value = n
    page.value = 1
    writeUrl()
    return local ? Promise.resolve() : load()
  }

  if (route) {
    readUrl()
    // back / forward and menu links that change only the query: read the URL again
    watch(
      () => route.query,
      (q, old) => {
        if (route.name === undefined || JSON.stringify(q) === JSON.stringify(queryOf())) return
        if (JSON.stringify(q) === JSON.stringify(old)) return
        readUrl()
        load()
      }
    )
  }

  return { filters, rows, items, total, capped, page, perPage, loading, error, loaded, load, search, refresh, reset, setPage, setPerPage }
}

/**
 * A list-shaped view of rows that come from elsewhere (a parent's prop, a record's sub-list), so a
 * <DataTable :list="…" :pager="false"> shows them with the same empty / loading look:
 *   const list = rowsList(() => props.items, () => props.loading)
 */
export function rowsList(rows, loading = () => false, error = () => null) {
  const items = computed(() => rows() || [])
  return {
    filters: {},
    rows: items,
    items,
    total: computed(() => items.value.length),
    capped: ref(false),
    page: ref(1),
    perPage: ref(items.value.length || 20),
    loading: computed(() => !!loading()),
    error: computed(() => error() || null),
    loaded: computed(() => true),
    load: () => Promise.resolve(),
    refresh: () => Promise.resolve(),
    search: () => Promise.resolve(),
    reset: () => Promise.resolve(),
    setPage: () => Promise.resolve(),
    setPerPage: () => Promise.resolve()
  }
}

/** The line a list shows when its load failed (DataTable, PagedCards). */
export const loadErrorText = (e) => `加载失败：${(e && e.message) || '请稍后重试'}`
