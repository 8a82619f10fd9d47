// conformance/seal_pawn.mjs — the registers of seal-cutters and pawnshops (issue 16 gaps, com6), called by
// conformance_writes.mjs after the central ones. ctx: { today, Client, baseUrl, fail, m1 }.
import { idNumber } from '../conformance_writes.mjs'

export default async function (c, { today }) {
  const m1c = c.minjing1
  const se = await m1c.call('POST', '/trade-units', { category: 'special_trade', kind: 'seal', name: '契约刻章社' })
  const seId = se.body && se.body.trade_unit ? se.body.trade_unit.id : 0
  await m1c.call('POST', '/seal-orders', { unit_id: seId, made_on: today, seal_kind: 'official', seal_text: '契约科技有限公司',
    customer_unit: '契约科技有限公司', customer_code: '91140100MA0XXXXX1', approval_doc: '契约准字1号', approval_organ: '县市场监管局',
    handler_name: '契约经办', handler_id_number: idNumber('1982-04-04', 735) })
  await m1c.call('GET', `/seal-orders?unit_id=${seId}&q=契约`)
  const pw = await m1c.call('POST', '/trade-units', { category: 'special_trade', kind: 'pawn', name: '契约典当行' })
  const pwId = pw.body && pw.body.trade_unit ? pw.body.trade_unit.id : 0
  await m1c.call('POST', '/pawn-tickets', { unit_id: pwId, ticket_no: '契约当1', pawned_on: today, item_class: 'jewellery', item: '金项链',
    origin: '自购（有发票）', amount_yuan: 3000, pledger_name: '契约出质', pledger_id_number: idNumber('1983-05-05', 737),
    suspicious: false, suspicion: '' })
  await m1c.call('GET', `/pawn-tickets?unit_id=${pwId}&reported=0`)
}
