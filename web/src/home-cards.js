// home-cards.js — what each user sees on the home page: the cards of every area (areas/index.js)
// whose action the user may perform (GET /me), in card order. A card with `load` shows a real number; the others belong
// to areas not built yet (areas/planned.js) and show "—" with "功能建设中".
import { cardsFor as areaCards } from './areas/index.js'

export function cardsFor(user) {
  return areaCards(typeof user === 'string' ? { role: user } : user)
}
