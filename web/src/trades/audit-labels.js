// audit-labels.js — the audit log's Chinese labels of this area's object kinds and actions,
// merged by web/src/audit/labels.js (collected by import.meta.glob: an area adds its own file,
// no central edit; tests/lint/audit_labels.mjs checks every audited code has one).

export const OBJECT_TYPES = [
  // 特种行业、内部单位与为民服务
  { value: 'trade_unit', label: '特种行业/内部单位' },
  { value: 'trade_finding', label: '检查发现问题' },
  { value: 'trade_inspection', label: '治安检查记录' },
  { value: 'compound', label: '小区' },
  { value: 'public_service', label: '为民服务' },
  { value: 'security_forecast', label: '治安形势预报' },
  { value: 'hotel_guest', label: '旅客住宿登记' },
  { value: 'scrap_purchase', label: '废旧金属收购登记' },
  { value: 'seal_order', label: '印章刻制登记' },
  { value: 'pawn_ticket', label: '典当登记' },
  { value: 'circulated_goods', label: '协查物品' }
]

export const ACTIONS = {
  // 特种行业、内部单位与为民服务
  'trade.create': '登记特种行业/内部单位',
  'trade.update': '修改特种行业/内部单位',
  'trade.close': '注销特种行业/内部单位',
  'trade.list': '查询特种行业/内部单位',
  'trade.inspect': '治安检查',
  'trade.recheck': '整改复查',
  'trade.finding_list': '查询检查发现问题',
  'compound.create': '登记小区',
  'compound.list': '查询安全小区',
  'compound.assess': '安全小区评定',
  'public_service.create': '登记为民服务',
  'public_service.list': '查询为民服务',
  'public_service.figures': '查询为民服务统计',
  'forecast.create': '发布治安形势预报',
  'forecast.list': '查询治安形势预报',
  'hotel_guest.create': '旅客住宿登记',
  'hotel_guest.list': '查询旅客住宿登记',
  'hotel_guest.checkout': '登记旅客退房',
  'hotel_guest.report': '登记境外旅客报送',
  'hotel_guest.wanted_hit': '旅客比中在逃人员',
  'scrap_purchase.create': '废旧金属收购登记',
  'scrap_purchase.report': '报告可疑废旧金属',
  'scrap_purchase.wanted_hit': '出售人比中在逃人员',
  'scrap_purchase.list': '查询废旧金属收购登记',
  'scrap_purchase.handle': '处置可疑废旧金属',
  'seal_order.create': '印章刻制登记',
  'seal_order.list': '查询印章刻制登记',
  'pawn_ticket.create': '典当登记',
  'pawn_ticket.list': '查询典当登记',
  'pawn_ticket.report': '典当行报告可疑情况',
  'pawn_ticket.wanted_hit': '出质人比中在逃人员',
  'trade.drill': '登记应急预案演练',
  'trade.change': '登记特种行业变更',
  'trade.change_file': '登记变更备案',
  'trade.inspection_edit': '更正检查记录',
  'circulated_goods.create': '发布协查物品',
  'circulated_goods.list': '查询协查物品',
  'circulated_goods.withdraw': '撤销协查物品',
  'circulated_goods.hit': '协查物品比中'
}

export const ACTION_PREFIXES = {}
