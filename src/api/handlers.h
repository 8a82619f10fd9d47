/* handlers.h — the handler of every route (one file per resource). Each
 * returns PS_OK with the response set, or an rc with r->err filled. */
#ifndef PS_API_HANDLERS_H
#define PS_API_HANDLERS_H

#include "api/fields.h"

struct req;

int api_health(struct req *r);
int api_session_create(struct req *r);
extern const struct field session_create_fields[];
int api_session_delete(struct req *r);
int api_me(struct req *r);
int api_me_password(struct req *r);
extern const struct field me_password_fields[];
/* two-factor login (api/admin/mfa.c) */
int api_me_totp(struct req *r);
int api_me_totp_setup(struct req *r);
int api_me_totp_confirm(struct req *r);
int api_me_totp_disable(struct req *r);
extern const struct field me_totp_code_fields[];
int api_users_totp_reset(struct req *r);
/* exports of personal data (api/exports.c) */
int api_exports_create(struct req *r);
extern const struct field exports_create_fields[];
int api_users_list(struct req *r);
int api_users_create(struct req *r);
extern const struct field users_create_fields[];
int api_users_update(struct req *r);
extern const struct field users_update_fields[];
int api_users_lock(struct req *r);
int api_users_unlock(struct req *r);
int api_users_password(struct req *r);
extern const struct field users_password_fields[];
int api_units_list(struct req *r);
int api_units_create(struct req *r);
extern const struct field units_create_fields[];
int api_units_update(struct req *r);
extern const struct field units_update_fields[];
int api_settings_list(struct req *r);
int api_settings_put(struct req *r);
extern const struct field settings_put_fields[];
int api_audit_list(struct req *r);
int api_audit_verify(struct req *r);
int api_audit_export(struct req *r);
int api_cases_list(struct req *r);
int api_cases_create(struct req *r);
extern const struct field cases_create_fields[];
int api_cases_get(struct req *r);
int api_cases_officer_add(struct req *r);
extern const struct field cases_officer_add_fields[];
int api_cases_party_add(struct req *r);
extern const struct field cases_party_add_fields[];
int api_cases_action(struct req *r);
extern const struct field cases_action_fields[];
int api_cases_notice_add(struct req *r);
extern const struct field cases_notice_add_fields[];
int api_cases_proposal_add(struct req *r);
extern const struct field cases_proposal_add_fields[];
int api_proposals_withdraw(struct req *r);
int api_cases_property_add(struct req *r);
extern const struct field cases_property_add_fields[];
int api_property_keep(struct req *r);
extern const struct field property_keep_fields[];
int api_cases_document_add(struct req *r);
extern const struct field cases_document_add_fields[];
int api_approvals_inbox(struct req *r);
int api_progress(struct req *r);
extern const struct field progress_fields[];
int api_colleagues(struct req *r);
int api_offences(struct req *r);
int api_catalog(struct req *r);
int api_catalog_public(struct req *r);
int api_interviews_create(struct req *r);
extern const struct field interviews_create_fields[];
int api_interviews_get(struct req *r);
int api_interviews_update(struct req *r);
extern const struct field interviews_update_fields[];
int api_interviews_sign(struct req *r);
int api_interviews_correct(struct req *r);
int api_warnings(struct req *r);
int api_warnings_summary(struct req *r);
int api_breaches(struct req *r);
int api_breaches_answer(struct req *r);
extern const struct field breaches_answer_fields[];
int api_measures_list(struct req *r);
int api_measures_start(struct req *r);
extern const struct field measures_start_fields[];
int api_measures_extend(struct req *r);
extern const struct field measures_extend_fields[];
int api_measures_milestone(struct req *r);
extern const struct field measures_milestone_fields[];
int api_measures_end(struct req *r);
extern const struct field measures_end_fields[];
int api_cases_limit(struct req *r);
extern const struct field cases_limit_fields[];
int api_custody_board(struct req *r);
int api_custody_enter(struct req *r);
extern const struct field custody_enter_fields[];
int api_custody_get(struct req *r);
int api_custody_check(struct req *r);
extern const struct field custody_check_fields[];
int api_custody_room(struct req *r);
extern const struct field custody_room_fields[];
int api_custody_log(struct req *r);
extern const struct field custody_log_fields[];
int api_custody_exit(struct req *r);
extern const struct field custody_exit_fields[];
int api_holidays_list(struct req *r);
int api_holidays_put(struct req *r);
extern const struct field holidays_put_fields[];
int api_incident_categories(struct req *r);
int api_incidents_list(struct req *r);
int api_incidents_create(struct req *r);
extern const struct field incidents_create_fields[];
int api_incidents_get(struct req *r);
int api_incidents_dispatch(struct req *r);
extern const struct field incidents_dispatch_fields[];
int api_incidents_step(struct req *r);
int api_incidents_feedback(struct req *r);
extern const struct field incidents_feedback_fields[];
int api_incidents_callback(struct req *r);
extern const struct field incidents_callback_fields[];
int api_incidents_board(struct req *r);
int api_oversight_list(struct req *r);
int api_oversight_create(struct req *r);
extern const struct field oversight_create_fields[];
int api_oversight_action(struct req *r);
extern const struct field oversight_action_fields[];
int api_reports_daily(struct req *r);
int api_reports_daily_xlsx(struct req *r);
int api_reports_stats(struct req *r);
int api_addresses_list(struct req *r);
int api_addresses_create(struct req *r);
extern const struct field addresses_create_fields[];
int api_persons_search(struct req *r);
int api_persons_register(struct req *r);
extern const struct field persons_register_fields[];
int api_persons_get(struct req *r);
int api_persons_import(struct req *r);
extern const struct field persons_import_fields[];
int api_rentals_list(struct req *r);
int api_rentals_create(struct req *r);
extern const struct field rentals_create_fields[];
int api_rentals_get(struct req *r);
int api_rentals_visit(struct req *r);
extern const struct field rentals_visit_fields[];
int api_rentals_case(struct req *r);
extern const struct field rentals_case_fields[];
int api_tenancies_create(struct req *r);
extern const struct field tenancies_create_fields[];
int api_tenancies_end(struct req *r);
extern const struct field tenancies_end_fields[];
int api_floating_register(struct req *r);
extern const struct field floating_register_fields[];
int api_employers_list(struct req *r);
int api_employers_create(struct req *r);
extern const struct field employers_create_fields[];
int api_employers_report(struct req *r);
extern const struct field employers_report_fields[];
int api_wanted_list(struct req *r);
int api_wanted_put(struct req *r);
extern const struct field wanted_put_fields[];
int api_wanted_import(struct req *r);
extern const struct field wanted_import_fields[];
int api_wanted_withdraw(struct req *r);
int api_hits_list(struct req *r);
int api_hits_step(struct req *r);
extern const struct field hits_step_fields[];
int api_letters_list(struct req *r);
int api_letters_create(struct req *r);
extern const struct field letters_create_fields[];
int api_letters_answer(struct req *r);
extern const struct field letters_answer_fields[];
int api_population_summary(struct req *r);

/* 证据清单 (api/cases/evidence.c, issue 15) */
int api_cases_evidence_add(struct req *r);
extern const struct field cases_evidence_add_fields[];
int api_evidence_attach(struct req *r);
int api_attachments_get(struct req *r);

/* 执法档案 (api/archives/archives.c, issue 15) */
int api_archive_files_create(struct req *r);
extern const struct field archive_files_create_fields[];
int api_archive_files_list(struct req *r);
int api_archive_files_pending(struct req *r);
int api_archive_files_get(struct req *r);
int api_archive_files_loan(struct req *r);
extern const struct field archive_files_loan_fields[];
int api_archive_files_review(struct req *r);
extern const struct field archive_files_review_fields[];
int api_loans_list(struct req *r);
int api_loans_step(struct req *r);
extern const struct field loans_step_fields[];

/* 台账 pages (api/exports.c, issue 15) */
int api_ledgers_get(struct req *r);

/* 案件质量考评 (api/archives/reviews.c, issue 15) */
int api_case_reviews_create(struct req *r);
extern const struct field case_reviews_create_fields[];
int api_case_reviews_draft(struct req *r);
int api_case_reviews_list(struct req *r);
int api_case_reviews_summary(struct req *r);

/* 网上巡查 (api/archives/inspections.c, issue 15) */
int api_online_inspections_create(struct req *r);
extern const struct field online_inspections_create_fields[];
int api_online_inspections_list(struct req *r);
int api_online_inspections_get(struct req *r);
int api_online_inspections_finding(struct req *r);
extern const struct field online_inspections_finding_fields[];
int api_inspection_findings_answer(struct req *r);
extern const struct field inspection_findings_answer_fields[];

#endif
