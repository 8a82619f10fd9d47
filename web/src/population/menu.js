// menu.js — the 一标三实 group of the left menu and its icons (read by area.js).
import { Aim, Connection, DataLine, EditPen, House, Location, Message, Postcard, Search, UploadFilled, UserFilled } from '@element-plus/icons-vue'
import { WANTED_ROLES, WORKER_ROLES } from './labels.js'

export const POPULATION_ICONS = { Aim, Connection, DataLine, EditPen, House, Location, Message, Postcard, Search, UploadFilled, UserFilled }

export const POPULATION_MENU = {
  title: '一标三实',
  icon: 'Postcard',
  roles: [...WORKER_ROLES, 'supervisor', 'legal'],
  children: [
    { path: '/population', title: '一标三实看板', icon: 'DataLine', roles: ['chief'] },
    { path: '/visits/today', title: '今日走访', icon: 'EditPen', roles: ['officer', 'chief', 'auxiliary'] },
    { path: '/population/persons', title: '实有人口', icon: 'UserFilled', roles: WORKER_ROLES },
    { path: '/population/addresses', title: '标准地址', icon: 'Location', roles: WORKER_ROLES },
    { path: '/population/rentals', title: '出租房屋', icon: 'House', roles: WORKER_ROLES },
    { path: '/population/floating', title: '流动人口', icon: 'Connection', roles: WORKER_ROLES },
    { path: '/population/hits', title: '比对命中', icon: 'Aim', roles: [...WORKER_ROLES, 'supervisor'] },
    { path: '/population/wanted', title: '在逃人员', icon: 'Search', roles: WANTED_ROLES },
    { path: '/population/letters', title: '函查', icon: 'Message', roles: WORKER_ROLES },
    { path: '/population/import', title: '批量导入', icon: 'UploadFilled', roles: WORKER_ROLES }
  ]
}
