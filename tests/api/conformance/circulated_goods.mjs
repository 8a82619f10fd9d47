// conformance/circulated_goods.mjs — the 协查物品 list (issue 16): circulate, read, match a purchase and a ticket,
// withdraw; called by conformance_writes.mjs after the central ones. ctx: { today, Client, baseUrl, fail, m1 }.
import { idNumber } from '../conformance_writes.mjs'

export default async function (c, { today }) {
  const m1c = c.minjing1
  const g = await m1c.call('POST', '/circulated-goods', { name: '契约手机', category: 'phone', brand_model: '契约牌 X1',
    identifier: 'QY-8612-3456-7890', features: '黑色，屏幕有裂纹', quantity: 1, value_yuan: 3000, circulated_on: today,
    valid_until: today })
  const gId = g.body && g.body.circulated_goods ? g.body.circulated_goods.id : 0
  await m1c.call('GET', '/circulated-goods?status=active&category=phone&q=契约')
  const sc = await m1c.call('POST', '/trade-units', { category: 'special_trade', kind: 'scrap', name: '契约协查回收站' })
  const scId = sc.body && sc.body.trade_unit ? sc.body.trade_unit.id : 0
  await m1c.call('POST', '/scrap-purchases', { unit_id: scId, purchased_on: today, item_class: 'general', item: '旧手机',
    identifier: 'qy 8612 3456 7890', weight_g: 200, seller_name: '契约卖家', seller_id_number: idNumber('1981-06-06', 739),
    seller_address: '契约村' })
  const pw = await m1c.call('POST', '/trade-units', { category: 'special_trade', kind: 'pawn', name: '契约协查典当行' })
  const pwId = pw.body && pw.body.trade_unit ? pw.body.trade_unit.id : 0
  await m1c.call('POST', '/pawn-tickets', { unit_id: pwId, ticket_no: '契约协查当1', pawned_on: today, item_class: 'electronics',
    item: '手机', identifier: 'QY86123456-7890', origin: '自用', amount_yuan: 500, pledger_name: '契约出质',
    pledger_id_number: idNumber('1984-07-07', 741) })
  await m1c.call('GET', `/circulated-goods/${gId}`)
  await m1c.call('POST', `/circulated-goods/${gId}/withdraw`, { reason: 'recovered', note: '已发还失主' })
}
