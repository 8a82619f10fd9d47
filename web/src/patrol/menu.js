// menu.js — the 巡逻防控 group of the menu and its icons (read by area.js).
import { Histogram, Location, Medal, Promotion } from '@element-plus/icons-vue'
import { PATROL_LIST, PATROL_LOG } from './labels.js'

export const PATROL_ICONS = { Histogram, Location, Medal, Promotion }

export const PATROL_MENU = {
  title: '巡逻防控',
  icon: 'Promotion',
  children: [
    { path: '/patrol/plans', title: '巡逻计划与警情热力', icon: 'Histogram', action: PATROL_LIST },
    { path: '/patrol/teams', title: '巡逻队', icon: 'Promotion', action: PATROL_LIST },
    { path: '/patrol/log', title: '巡逻记录', icon: 'Location', action: PATROL_LOG },
    { path: '/patrol/scores', title: '巡逻考评', icon: 'Medal', action: PATROL_LIST }
  ]
}
