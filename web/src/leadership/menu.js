// menu.js — the 领导交办 / 逐级上报 entries of the left menu (read by area.js); by allowed action.
import { Checked, DataAnalysis, Notebook, Tickets } from '@element-plus/icons-vue'
import { ANALYSIS_READ, MEETING_LIST, REPORTS, TASK_LIST } from './labels.js'

export const LEADERSHIP_ICONS = { Checked, DataAnalysis, Notebook, Tickets }

export const LEADERSHIP_MENU = {
  title: '研判与领导交办',
  icon: 'Checked',
  children: [
    { path: '/leader-tasks', title: '领导交办', icon: 'Checked', action: TASK_LIST },
    { path: '/daily-submissions', title: '日报上报与阅示', icon: 'Notebook', action: REPORTS },
    { path: '/analysis', title: '研判', icon: 'DataAnalysis', action: ANALYSIS_READ },
    { path: '/meetings', title: '调度分析会', icon: 'Tickets', action: MEETING_LIST }
  ]
}
