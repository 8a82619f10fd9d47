// menu.js — the 110 接处警 entries of the left menu and their icons (read by area.js).
// The 110 指挥中心 group is for whoever dispatches (the desk,
// supervisors, chiefs); those who take incidents without dispatching find theirs under 警情处置.
// Entries show by allowed action (GET /me).
import { Finished, Flag, PhoneFilled, Position, TrendCharts, Histogram, EditPen } from '@element-plus/icons-vue'
import { DESK, INCIDENTS, INTAKE, OVERSIGHT, REPORTS, UNFILED } from './labels.js'

export const INCIDENT_ICONS = { Finished, Flag, PhoneFilled, Position, TrendCharts, Histogram, EditPen }

export const INCIDENT_MENU = [
  {
    title: '110指挥中心',
    icon: 'PhoneFilled',
    action: 'incident.dispatch',
    children: [
      { path: '/incidents/new', title: '接警登记', icon: 'EditPen', action: INTAKE },
      { path: '/incidents/board', title: '指挥调度看板', icon: 'Position', action: INCIDENTS },
      { path: '/incidents', title: '警情列表', icon: 'Finished', action: INCIDENTS },
      { path: '/oversight', title: '督办', icon: 'Flag', action: OVERSIGHT },
      { path: '/reports/daily', title: '警务动态日报', icon: 'Histogram', action: REPORTS },
      { path: '/reports/stats', title: '统计分析', icon: 'TrendCharts', action: REPORTS },
      { path: '/unfiled-incidents', title: '有警无案', icon: 'Flag', action: UNFILED }
    ]
  },
  {
    title: '警情处置',
    icon: 'PhoneFilled',
    action: { all: [INTAKE], not: ['incident.dispatch', DESK] },
    children: [
      { path: '/incidents/board', title: '本所警情看板', icon: 'Position' },
      { path: '/incidents', title: '警情列表', icon: 'Finished' },
      { path: '/incidents/new', title: '来所报警登记', icon: 'EditPen' },
      { path: '/oversight', title: '督办', icon: 'Flag', action: 'oversight.update' }
    ]
  }
]
