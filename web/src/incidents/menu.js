// menu.js — the 110 接处警 entries of the left menu and their icons (read by area.js).
// The 110 指挥中心 group is for the desk, supervisors and
// chiefs; a station's officers and auxiliaries find their incidents under 警情处置.
import { Finished, Flag, PhoneFilled, Position, TrendCharts, Histogram, EditPen } from '@element-plus/icons-vue'

export const INCIDENT_ICONS = { Finished, Flag, PhoneFilled, Position, TrendCharts, Histogram, EditPen }

export const INCIDENT_MENU = [
  {
    title: '110指挥中心',
    icon: 'PhoneFilled',
    roles: ['dispatcher', 'supervisor', 'chief'],
    children: [
      { path: '/incidents/new', title: '接警登记', icon: 'EditPen', roles: ['dispatcher', 'supervisor', 'chief'] },
      { path: '/incidents/board', title: '指挥调度看板', icon: 'Position' },
      { path: '/incidents', title: '警情列表', icon: 'Finished' },
      { path: '/oversight', title: '督办', icon: 'Flag' },
      { path: '/reports/daily', title: '警务动态日报', icon: 'Histogram' },
      { path: '/reports/stats', title: '统计分析', icon: 'TrendCharts' }
    ]
  },
  {
    title: '警情处置',
    icon: 'PhoneFilled',
    roles: ['officer', 'auxiliary'],
    children: [
      { path: '/incidents/board', title: '本所警情看板', icon: 'Position' },
      { path: '/incidents', title: '警情列表', icon: 'Finished' },
      { path: '/incidents/new', title: '来所报警登记', icon: 'EditPen' },
      { path: '/oversight', title: '督办', icon: 'Flag', roles: ['officer'] }
    ]
  }
]
