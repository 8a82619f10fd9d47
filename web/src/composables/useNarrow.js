// useNarrow.js — true on a phone-width screen (a 390 px handset), false on a desk. One media query
// for every page, the width at which the shell turns into its phone layout (drawer menu): lists turn
// into cards with their actions as large buttons, forms go one column with labels above the fields.
//
//   import { narrow } from '../../composables/useNarrow.js'
//   <el-table v-if="!narrow" …/> <div v-else class="m-list">…</div>
import { ref } from 'vue'

export const PHONE_QUERY = '(max-width: 768px)'

const mq = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(PHONE_QUERY) : null

/** Follows the screen: flips when the window is resized or the viewport changes. */
export const narrow = ref(mq ? mq.matches : false)
if (mq && mq.addEventListener) mq.addEventListener('change', (e) => (narrow.value = e.matches))

export function useNarrow() {
  return narrow
}
