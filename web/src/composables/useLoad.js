// useLoad.js — one object a page reads whole (not a paged list: that is usePagedList): the data,
// a loading flag and load(), which shows a failure as a toast and keeps the last data.
//
//   const { data, loading, load } = useLoad(() => api.get('/rewards'))
//   onMounted(load)
import { ref } from 'vue'
import { toastError } from '../form-errors.js'

export function useLoad(fetch) {
  const data = ref(null)
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      data.value = await fetch()
    } catch (e) {
      toastError(e)
    } finally {
      loading.value = false
    }
  }

  return { data, loading, load }
}
