// labels.js — 特种行业、内部单位 codes in Chinese (the server's catalog enums) and the actions
// the pages and menu entries depend on.
import { enumLabel, enumList } from '../catalog.js'

export const TRADE_LIST = 'trade.list'
export const TRADE_CREATE = 'trade.create'
export const TRADE_INSPECT = 'trade.inspect'
export const EMPLOYER_LIST = 'employer.list'
export const COMPOUND_LIST = 'compound.list'
export const PUBLIC_SERVICE_LIST = 'public_service.list'
export const TRADE_REGISTER_LIST = 'trade_register.list'
export const HOTEL_GUEST_CREATE = 'hotel_guest.create'
export const HOTEL_GUEST_IMPORT = 'hotel_guest.import'
export const SCRAP_PURCHASE_CREATE = 'scrap_purchase.create'
export const SCRAP_PURCHASE_HANDLE = 'scrap_purchase.handle'
export const SEAL_ORDER_CREATE = 'seal_order.create'
export const PAWN_TICKET_CREATE = 'pawn_ticket.create'
export const LEFT_ITEM_CREATE = 'left_item.create'
export const LEFT_ITEM_RECEIVE = 'left_item.receive'
export const CIRCULATED_GOODS_LIST = 'circulated_goods.list'
export const CIRCULATED_GOODS_CREATE = 'circulated_goods.create'

export const TRADE_CATEGORIES = enumList('trade_category')
export const TRADE_KINDS = enumList('special_trade_kind')
export const INTERNAL_KINDS = enumList('internal_unit_kind')

/** The kinds of a category (trade → 旅馆、典当…, internal → 金融单位、学校…). */
export const kindsOf = (category) => (category === 'internal_unit' ? INTERNAL_KINDS : TRADE_KINDS)
export const kindName = (category, kind) => enumLabel(category === 'internal_unit' ? 'internal_unit_kind' : 'special_trade_kind', kind)
export const categoryName = (v) => enumLabel('trade_category', v)

/** true on a phone-width screen (390 px): forms go one column, labels above their fields. */
export { narrow } from '../composables/useNarrow.js'
