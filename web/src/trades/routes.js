// routes.js — the 特种行业、内部单位 pages (children of the app layout).
import { CIRCULATED_GOODS_LIST, COMPOUND_LIST, EMPLOYER_LIST, PUBLIC_SERVICE_LIST, TRADE_INSPECT, TRADE_LIST, TRADE_REGISTER_LIST } from './labels.js'

const crumbs = ['社区警务']
const page = (path, name, component, title, action, extra = {}) => ({
  path,
  name,
  component,
  meta: { title, crumbs, action, ...extra }
})

export const TRADE_ROUTES = [
  page('trades/units', 'trade-units', () => import('../views/trades/TradeUnitsView.vue'), '特种行业与内部单位', TRADE_LIST),
  page(
    'trades/units/:id(\\d+)',
    'trade-unit',
    () => import('../views/trades/TradeUnitDetailView.vue'),
    '单位详情',
    TRADE_LIST,
    { crumbs: ['社区警务', '特种行业与内部单位'], menu: '/trades/units' }
  ),
  page('trades/findings', 'trade-findings', () => import('../views/trades/TradeFindingsView.vue'), '检查整改', TRADE_LIST),
  page('trades/employers', 'trade-employers', () => import('../views/trades/EmployerWorkView.vue'), '用工单位与责任书', EMPLOYER_LIST),
  page('trades/compounds', 'trade-compounds', () => import('../views/trades/CompoundsView.vue'), '安全小区', COMPOUND_LIST),
  page('trades/services', 'trade-services', () => import('../views/trades/PublicServicesView.vue'), '为民服务', PUBLIC_SERVICE_LIST),
  page('trades/hotel-guests', 'trade-hotel-guests', () => import('../views/trades/HotelGuestsView.vue'), '旅客住宿登记', TRADE_REGISTER_LIST),
  page('trades/left-items', 'trade-left-items', () => import('../views/trades/LeftItemsView.vue'), '旅客遗留物品', TRADE_REGISTER_LIST),
  page('trades/scrap-purchases', 'trade-scrap-purchases', () => import('../views/trades/ScrapPurchasesView.vue'), '废旧金属收购登记', TRADE_REGISTER_LIST),
  page('trades/seal-orders', 'trade-seal-orders', () => import('../views/trades/SealOrdersView.vue'), '印章刻制登记', TRADE_REGISTER_LIST),
  page('trades/pawn-tickets', 'trade-pawn-tickets', () => import('../views/trades/PawnTicketsView.vue'), '典当登记', TRADE_REGISTER_LIST),
  page('trades/circulated-goods', 'trade-circulated-goods', () => import('../views/trades/CirculatedGoodsView.vue'), '协查物品', CIRCULATED_GOODS_LIST)
]

/** Full pages outside the layout: the printable 治安形势预报 and 整改通知书. */
export const TRADE_BARE_ROUTES = [
  {
    path: '/print/rectification-notices/:id(\\d+)',
    name: 'rectification-notice-print',
    component: () => import('../views/trades/RectificationNoticePrintView.vue'),
    meta: { title: '整改通知书', action: TRADE_INSPECT }
  },
  {
    path: '/print/forecasts/:id(\\d+)',
    name: 'forecast-print',
    component: () => import('../views/trades/ForecastPrintView.vue'),
    meta: { title: '治安形势预报', action: PUBLIC_SERVICE_LIST }
  }
]
