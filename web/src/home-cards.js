// home-cards.js — what each user sees on the home page: the cards of every area (areas/index.js)
// whose action the user may perform (GET /me), in card order. Every card shows a real number;
// areas not built yet have no card.
import { cardsFor as areaCards } from './areas/index.js'

export function cardsFor(user) {
  return areaCards(typeof user === 'string' ? { role: user } : user)
}
