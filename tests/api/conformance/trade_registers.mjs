// conformance/trade_registers.mjs — the registers of hotels and scrap buyers and a key unit's drill (issue 16 gaps), called by conformance_writes.mjs after the central ones.
// ctx: { today, Client, baseUrl, fail, m1 } (m1 = minjing1's client).
import { idNumber } from '../conformance_writes.mjs'

export default async function (c, { today, m1 }) {
  const now = Math.floor(Date.now() / 1000)
  // --- the registers of hotels and scrap buyers, a key unit's drill (issue 16 gaps) ---
  {
    const m1c = c.minjing1
    const ho = await m1c.call('POST', '/trade-units', { category: 'special_trade', kind: 'hotel', name: '契约登记旅馆' })
    const hoId = ho.body && ho.body.trade_unit ? ho.body.trade_unit.id : 0
    const g = await m1c.call('POST', '/hotel-guests', { unit_id: hoId, name: 'Jane Roe', id_type: 'passport', id_number: 'E7654321',
      nationality: '英国', room: '808', checkin_at: now - 3600, reported: false })
    const gId = g.body && g.body.hotel_guest ? g.body.hotel_guest.id : 0
    await m1c.call('GET', `/hotel-guests?unit_id=${hoId}&foreign=1&unreported=1&in_house=1&hits=0`)
    // the 旅业 system's export: one good row, one refused by COM-HOTEL-REG
    const at = (t) => new Date((t + 8 * 3600) * 1000).toISOString().slice(0, 19).replace('T', ' ')
    await m1c.call('POST', '/hotel-guests/import', { encoding: 'utf-8',
      csv: `旅馆名称,姓名,证件类型,证件号码,国籍,房号,入住时间,退房时间,上传时间\n契约登记旅馆,John Roe,护照,E7654322,英国,809,${at(now - 7200)},,${at(now - 3600)}\n` +
        `契约登记旅馆,契约坏号,居民身份证,110101199001011230,中国,810,${at(now - 7200)},,\n` })
    await m1c.call('POST', `/hotel-guests/${gId}/report`)
    await m1c.call('POST', `/hotel-guests/${gId}/checkout`, { checkout_at: now })
    await m1c.call('POST', `/hotel-guests/${gId}/suspicious`, { suspicion: '契约可疑情况' })
    // a hotel's left property (COM-HOTEL-LEFT, COM-FOUND-STATE): kept, returned; kept, taken in,
    // returned at the station; one taken in a year and more ago and handed to the state
    const li = async (found) => {
      const r = await m1c.call('POST', '/left-items', { unit_id: hoId, guest_id: gId, found_on: found, noticed_on: found, room: '808',
        description: '契约遗留物品', kept_by: '契约前台' })
      return r.body && r.body.left_item ? r.body.left_item.id : 0
    }
    const ago = (days) => new Date(Date.now() + 8 * 3600e3 - days * 86400e3).toISOString().slice(0, 10)
    const l1 = await li(today)
    await m1c.call('POST', `/left-items/${l1}/return`, { returned_on: today, returned_to: '契约失主' })
    const l2 = await li(today)
    await m1c.call('POST', `/left-items/${l2}/receive`, { handed_on: today, announced_on: today })
    await m1c.call('POST', `/left-items/${l2}/return`, { returned_to: '契约失主' })
    const l3 = await li(ago(500))
    await m1c.call('POST', `/left-items/${l3}/receive`, { handed_on: ago(400) })
    await m1c.call('POST', `/left-items/${l3}/to-state`, { disposed_on: today, disposal_note: '契约上缴' })
    await m1c.call('GET', `/left-items?unit_id=${hoId}&status=handed&due=1`)
    const sc = await m1c.call('POST', '/trade-units', { category: 'special_trade', kind: 'scrap', name: '契约回收站' })
    const scId = sc.body && sc.body.trade_unit ? sc.body.trade_unit.id : 0
    const p = await m1c.call('POST', '/scrap-purchases', { unit_id: scId, purchased_on: today, item_class: 'banned_utility', item: '契约电缆',
      spec: '3×16', item_state: '旧', weight_g: 5000, seller_name: '契约卖家', seller_id_number: idNumber('1980-03-03', 733),
      seller_address: '契约村', seller_unit: '', seller_unit_proof: '', suspicious: true, suspicion: '带供电标记' })
    const pId = p.body && p.body.scrap_purchase ? p.body.scrap_purchase.id : 0
    await m1c.call('GET', `/scrap-purchases?unit_id=${scId}&suspicious=1&open=1`)
    await m1c.call('POST', `/scrap-purchases/${pId}/handling`, { handling: 'held', receipt_no: '契约扣1', note: '扣留' })
    const bk = await m1c.call('POST', '/trade-units', { category: 'internal_unit', kind: 'finance', name: '契约信用社', key_unit: true,
      key_unit_category: 'telecom_finance', key_unit_decision: '契约县政发〔2024〕1号', key_unit_decided_on: '2024-01-10' })
    const bkId = bk.body && bk.body.trade_unit ? bk.body.trade_unit.id : 0
    await m1c.call('POST', `/trade-units/${bkId}/drills`, { plan_on: today, drilled_on: today })
  }
}
