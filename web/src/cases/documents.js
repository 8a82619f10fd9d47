// documents.js — issue a document (POST /cases/{id}/documents) and open its print view.
import api from '../api.js'

/** Query for the print route of a document. */
export function printRoute(caseId, kind, { party_id, interview_id, notice_id, doc_no } = {}) {
  const query = {}
  if (notice_id) query.notice_id = String(notice_id)
  if (party_id) query.party_id = String(party_id)
  if (interview_id) query.interview_id = String(interview_id)
  if (doc_no) query.doc_no = doc_no
  return { path: `/print/${caseId}/${kind}`, query }
}

/** Issue a document of kind; resolves { id, kind, doc_no }. Throws ApiError. */
export async function issueDocument(caseId, kind, extra = {}) {
  const body = { kind }
  if (extra.party_id) body.party_id = extra.party_id
  if (extra.interview_id) body.interview_id = extra.interview_id
  if (extra.notice_id) body.notice_id = extra.notice_id
  const d = await api.post(`/cases/${caseId}/documents`, body)
  return d.document || d
}
