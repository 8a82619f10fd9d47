// menu.js — the 一标三实 group of the left menu and its icons (read by area.js).
// Entries show by allowed action; the group when one does.
import { Aim, Connection, DataLine, EditPen, House, Location, Message, Postcard, Search, Tickets, UploadFilled, UserFilled } from '@element-plus/icons-vue'
import { HIT_LIST, LETTER_PAGE, RESCARD_LIST, SUMMARY, VISITS, WANTED_KEEPER, WORKER } from './labels.js'

export const POPULATION_ICONS = { Aim, Connection, DataLine, EditPen, House, Location, Message, Postcard, Search, Tickets, UploadFilled, UserFilled }

export const POPULATION_MENU = {
  title: '一标三实',
  icon: 'Postcard',
  children: [
    { path: '/population', title: '一标三实看板', icon: 'DataLine', action: SUMMARY },
    { path: '/visits/today', title: '今日走访', icon: 'EditPen', action: VISITS },
    { path: '/population/persons', title: '实有人口', icon: 'UserFilled', action: WORKER },
    { path: '/population/addresses', title: '标准地址', icon: 'Location', action: WORKER },
    { path: '/population/rentals', title: '出租房屋', icon: 'House', action: WORKER },
    { path: '/population/floating', title: '流动人口', icon: 'Connection', action: WORKER },
    { path: '/population/residence-permits', title: '居住证', icon: 'Tickets', action: RESCARD_LIST },
    { path: '/population/hits', title: '比对命中', icon: 'Aim', action: HIT_LIST },
    { path: '/population/wanted', title: '在逃人员', icon: 'Search', action: WANTED_KEEPER },
    { path: '/population/letters', title: '函查', icon: 'Message', action: LETTER_PAGE },
    { path: '/population/import', title: '批量导入', icon: 'UploadFilled', action: WORKER }
  ]
}
