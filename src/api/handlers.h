/* handlers.h — the handler of every route (one file per resource). Each
 * returns PS_OK with the response set, or an rc with r->err filled. */
#ifndef PS_API_HANDLERS_H
#define PS_API_HANDLERS_H

struct req;

int api_health(struct req *r);
int api_session_create(struct req *r);
int api_session_delete(struct req *r);
int api_me(struct req *r);
int api_me_password(struct req *r);
int api_users_list(struct req *r);
int api_users_create(struct req *r);
int api_users_update(struct req *r);
int api_users_lock(struct req *r);
int api_users_unlock(struct req *r);
int api_users_password(struct req *r);
int api_units_list(struct req *r);
int api_units_create(struct req *r);
int api_units_update(struct req *r);
int api_settings_list(struct req *r);
int api_settings_put(struct req *r);
int api_audit_list(struct req *r);
int api_cases_list(struct req *r);
int api_cases_create(struct req *r);
int api_cases_get(struct req *r);
int api_cases_officer_add(struct req *r);
int api_cases_party_add(struct req *r);
int api_cases_action(struct req *r);
int api_cases_notice_add(struct req *r);
int api_cases_proposal_add(struct req *r);
int api_proposals_withdraw(struct req *r);
int api_cases_property_add(struct req *r);
int api_property_keep(struct req *r);
int api_cases_document_add(struct req *r);
int api_approvals_inbox(struct req *r);
int api_progress(struct req *r);
int api_colleagues(struct req *r);
int api_offences(struct req *r);
int api_interviews_create(struct req *r);
int api_interviews_get(struct req *r);
int api_interviews_update(struct req *r);
int api_interviews_sign(struct req *r);
int api_interviews_correct(struct req *r);
int api_warnings(struct req *r);
int api_warnings_summary(struct req *r);
int api_breaches(struct req *r);
int api_breaches_answer(struct req *r);
int api_measures_list(struct req *r);
int api_measures_start(struct req *r);
int api_measures_extend(struct req *r);
int api_measures_milestone(struct req *r);
int api_measures_end(struct req *r);
int api_cases_limit(struct req *r);
int api_custody_board(struct req *r);
int api_custody_enter(struct req *r);
int api_custody_get(struct req *r);
int api_custody_check(struct req *r);
int api_custody_room(struct req *r);
int api_custody_log(struct req *r);
int api_custody_exit(struct req *r);
int api_holidays_list(struct req *r);
int api_holidays_put(struct req *r);
int api_incident_categories(struct req *r);
int api_incidents_list(struct req *r);
int api_incidents_create(struct req *r);
int api_incidents_get(struct req *r);
int api_incidents_dispatch(struct req *r);
int api_incidents_step(struct req *r);
int api_incidents_feedback(struct req *r);
int api_incidents_callback(struct req *r);
int api_incidents_board(struct req *r);
int api_oversight_list(struct req *r);
int api_oversight_create(struct req *r);
int api_oversight_action(struct req *r);
int api_reports_daily(struct req *r);
int api_reports_daily_xlsx(struct req *r);
int api_reports_stats(struct req *r);

#endif
