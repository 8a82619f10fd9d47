// home.js — the 信访与追责 numbers of the home cards.
import api from '../api.js'

/** Parties of closed cases still owed a return visit. */
export const visitsDue = () => api.get('/return-visits', { status: 'due' }).then((d) => (d.items || []).length)

/** Dissatisfied return visits waiting for the chief's review. */
export const visitsToReview = () => api.get('/return-visits', { status: 'review' }).then((d) => (d.items || []).length)

/** Complaints waiting for the notice or for their finish. */
export const complaintsOpen = () =>
  Promise.all([api.get('/complaints', { status: 'received' }), api.get('/complaints', { status: 'accepted' })]).then(
    ([a, b]) => (a.total ?? 0) + (b.total ?? 0)
  )
