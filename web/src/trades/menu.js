// menu.js — the 特种行业、内部单位 entries of the left menu and their icons (read by area.js).
import { Box, Coin, HomeFilled, Memo, OfficeBuilding, Promotion, Search, Stamp, Suitcase, Tickets, Warning } from '@element-plus/icons-vue'
import { CIRCULATED_GOODS_LIST, COMPOUND_LIST, EMPLOYER_LIST, PUBLIC_SERVICE_LIST, TRADE_LIST, TRADE_REGISTER_LIST } from './labels.js'

export const TRADE_ICONS = { Box, Coin, HomeFilled, Memo, OfficeBuilding, Promotion, Search, Stamp, Suitcase, Tickets, Warning }

export const TRADE_MENU = {
  title: '行业场所',
  icon: 'OfficeBuilding',
  children: [
    { path: '/trades/units', title: '特种行业与内部单位', icon: 'OfficeBuilding', action: TRADE_LIST },
    { path: '/trades/findings', title: '检查整改', icon: 'Warning', action: TRADE_LIST },
    { path: '/trades/employers', title: '用工单位与责任书', icon: 'Memo', action: EMPLOYER_LIST },
    { path: '/trades/compounds', title: '安全小区', icon: 'HomeFilled', action: COMPOUND_LIST },
    { path: '/trades/services', title: '为民服务', icon: 'Promotion', action: PUBLIC_SERVICE_LIST },
    { path: '/trades/hotel-guests', title: '旅客住宿登记', icon: 'Tickets', action: TRADE_REGISTER_LIST },
    { path: '/trades/left-items', title: '旅客遗留物品', icon: 'Suitcase', action: TRADE_REGISTER_LIST },
    { path: '/trades/scrap-purchases', title: '废旧金属收购登记', icon: 'Box', action: TRADE_REGISTER_LIST },
    { path: '/trades/seal-orders', title: '印章刻制登记', icon: 'Stamp', action: TRADE_REGISTER_LIST },
    { path: '/trades/pawn-tickets', title: '典当登记', icon: 'Coin', action: TRADE_REGISTER_LIST },
    { path: '/trades/circulated-goods', title: '协查物品', icon: 'Search', action: CIRCULATED_GOODS_LIST }
  ]
}
