// area.js — 执法监督与警务公开 (issue 15 part A): the public pages (警务公开, 网上投诉) and, inside,
// 信访投诉, 案件回访, 复议诉讼赔偿, 执法过错, 干预执法登记 and the 执法监督卡.
import { SUPERVISION_BARE_ROUTES, SUPERVISION_ROUTES } from './routes.js'
import { SUPERVISION_ICONS, SUPERVISION_MENU } from './menu.js'

export default {
  name: 'supervision',
  icons: SUPERVISION_ICONS,
  routes: SUPERVISION_ROUTES,
  bareRoutes: SUPERVISION_BARE_ROUTES,
  menu: [{ order: 70, ...SUPERVISION_MENU }]
}
