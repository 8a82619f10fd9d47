// menu.js — the 社区警务 group of the menu and its icons (read by area.js).
import { Calendar, Checked, Document, Guide, MapLocation, Search, User, Warning } from '@element-plus/icons-vue'
import { BEATS, KEY_LIST, KEY_REMOVE_APPROVE, LEDGERS, SWEEPS, TODAY, VISITS_LIST } from './labels.js'

export const COMMUNITY_ICONS = { Calendar, Checked, Document, Guide, MapLocation, Search, User, Warning }

export const COMMUNITY_MENU = {
  title: '社区警务',
  icon: 'Guide',
  children: [
    { path: '/community/today', title: '今日工作', icon: 'Calendar', action: TODAY },
    { path: '/community/beats', title: '责任区与警力负荷', icon: 'Guide', action: BEATS },
    { path: '/community/map', title: '责任区地图', icon: 'MapLocation', action: BEATS },
    { path: '/community/visits', title: '熟悉住户', icon: 'Checked', action: VISITS_LIST },
    { path: '/community/key-persons', title: '重点人员', icon: 'Warning', action: KEY_LIST },
    { path: '/community/sweeps', title: '漏登漏管排查', icon: 'Search', action: SWEEPS },
    { path: '/community/key-person-listings', title: '列管审批', icon: 'User', action: KEY_LIST },
    { path: '/community/key-person-removals', title: '撤管审批', icon: 'User', action: { all: [KEY_LIST, KEY_REMOVE_APPROVE] } },
    { path: '/community/ledgers', title: '社区警务台账', icon: 'Document', action: { all: [LEDGERS, 'data.export'] } }
  ]
}
