// area.js — 执法监督与警务公开 (issue 15 part A): the public pages (警务公开, 网上投诉) and, inside,
// 信访投诉, 案件回访, 复议诉讼赔偿, 执法过错, 干预执法登记 and the 执法监督卡.
import { SUPERVISION_BARE_ROUTES, SUPERVISION_ROUTES } from './routes.js'
import { SUPERVISION_ICONS, SUPERVISION_MENU } from './menu.js'
import { complaintsOpen, visitsDue, visitsToReview } from './home.js'

export default {
  name: 'supervision',
  rank: 90, // place among the areas (routes, and menu entries or cards of equal order)
  icons: SUPERVISION_ICONS,
  routes: SUPERVISION_ROUTES,
  bareRoutes: SUPERVISION_BARE_ROUTES,
  menu: [{ order: 70, ...SUPERVISION_MENU }],
  home: [
    { title: '待回访', icon: 'Phone', sub: '已结案件应回访的当事人', link: '/supervision/return-visits', load: visitsDue, action: 'return_visit.create', order: 45 },
    { title: '不满意回访', icon: 'Warning', sub: '待所长复核', link: '/supervision/return-visits', load: visitsToReview, action: 'return_visit.review', order: 46 },
    { title: '信访投诉待办', icon: 'ChatLineSquare', sub: '待受理告知或待办结', link: '/supervision/complaints', load: complaintsOpen, action: 'complaint.update', order: 47 }
  ]
}
