// alerts.js — the 指令 alert of the board (issue 17, PAT-110-FIRST): a station's board polls
// GET /dispatch-alerts every second and, for each new dispatch, shows a notification and plays a
// short beep generated with WebAudio (no sound file), unless the station muted it (setting
// incident.alert_sound) or this user did (the switch on the board, kept in this browser). The desk
// and supervisors poll it every 5 s for the dispatches left unacknowledged past the setting's
// minutes: those cards carry a 超时未签收 marker.
import { computed, ref } from 'vue'
import { ElNotification } from 'element-plus'
import 'element-plus/es/components/notification/style/css'
import api from '../api.js'
import { usePolling } from '../clocks/levels.js'

const MUTE_KEY = 'precinct.dispatch_alert.muted'
const store = () => (typeof localStorage !== 'undefined' ? localStorage : null)

/** This user's own mute (per browser): true = no beep. */
export const userMuted = ref(store() ? store().getItem(MUTE_KEY) === '1' : false)
export function setUserMuted(v) {
  userMuted.value = !!v
  if (store()) store().setItem(MUTE_KEY, v ? '1' : '0')
}

let audio = null
/** A short two-tone beep (WebAudio oscillator); counts in window.__precinctBeeps for the e2e. */
export function beep() {
  try {
    const AC = window.AudioContext || window.webkitAudioContext
    if (!AC) return false
    audio = audio || new AC()
    if (audio.state === 'suspended') audio.resume().catch(() => {})
    const t = audio.currentTime
    ;[880, 660].forEach((f, i) => {
      const o = audio.createOscillator()
      const g = audio.createGain()
      o.type = 'square'
      o.frequency.value = f
      g.gain.setValueAtTime(0.12, t + i * 0.25)
      g.gain.exponentialRampToValueAtTime(0.001, t + i * 0.25 + 0.22)
      o.connect(g)
      g.connect(audio.destination)
      o.start(t + i * 0.25)
      o.stop(t + i * 0.25 + 0.24)
    })
    window.__precinctBeeps = (window.__precinctBeeps || 0) + 1
    return true
  } catch (e) {
    return false
  }
}

/**
 * Poll the alerts: `station` (a ref/computed boolean) = the user's board is a station's.
 * onNew(items) is called with the dispatches not seen before (not on the first load).
 */
export function useDispatchAlerts({ station, onNew }) {
  const items = ref([])
  const sound = ref(false)
  let known = null
  let last = 0
  async function poll() {
    // the desk every 5 s, a station every second
    if (!station.value && Date.now() - last < 4500) return
    last = Date.now()
    try {
      const d = await api.get('/dispatch-alerts')
      items.value = d.items || []
      sound.value = !!d.sound
      const added = known ? items.value.filter((i) => !known.has(i.id)) : []
      known = new Set(items.value.map((i) => i.id))
      if (added.length && station.value) {
        ElNotification({
          title: '新派警指令',
          message: added.map((i) => `${i.incident_no} ${i.category_name || ''}`).join('；') + '，请立即签收',
          type: 'warning',
          duration: 0,
          customClass: 'dispatch-alert'
        })
        if (sound.value && !userMuted.value) beep()
        if (onNew) onNew(added)
      }
    } catch (e) {
      // a lost poll is retried a second later
    }
  }
  usePolling(poll, 1000)
  const escalated = computed(() => new Set(items.value.filter((i) => i.escalated).map((i) => i.id)))
  return { items, sound, escalated }
}
