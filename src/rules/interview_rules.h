/* interview_rules.h — what an electronic record of questioning (笔录) needs
 * before it is saved and before it is signed (issue 3). Pure: the caller
 * gathers the facts. Each refusal is PS_ERULE with err->rule set. */
#ifndef PS_RULES_INTERVIEW_RULES_H
#define PS_RULES_INTERVIEW_RULES_H

#include "core/rc.h"

struct interview_facts {
	int za2025;              /* procedure law on the interview date (ZA2025 from 2026-01-01) */
	int criminal;            /* 刑事 case: 讯问/询问 under XSS/XSCX */
	int interrogation;       /* 讯问 of a suspect (vs 询问) */
	int sworn_officers;      /* officer/chief/legal present */
	int auxiliaries;         /* never count (ADM-OFFICERS-2) */
	int certified_room;      /* a properly set-up 执法办案场所 room */
	int in_station;          /* questioned in the station's 办案场所 */
	int remote;              /* remote video questioning (ADM-REMOTE) */
	int has_recording;       /* an audio-video recording id is attached */
	int subject_is_suspect;  /* 违反治安管理行为人 / 犯罪嫌疑人 */
	int subject_age;         /* 周岁 on the interview date; -1 unknown */
	int subject_female;
	int guardian_present;    /* name and relation recorded */
	int guardian_absent;     /* "cannot notify / did not come" reason recorded */
	int guardian_female_staff; /* a female staff member present (female minor, criminal) */
	int needs_interpreter, has_interpreter;
	int needs_sign_language, has_sign_language;
	int summoned;            /* the subject came under 传唤 */
	int family_notice;       /* notified, or an exception code recorded */
	int read_back;           /* read back / shown to the subject */
	int subject_signed;      /* signed, sealed or fingerprinted — or refusal noted */
	int officer_signed;
};

/* Before a record may be saved: enough sworn officers (ADM-OFFICERS-2;
 * CRIM-INTERROG-2 for 讯问). ZA2025 allows one officer in a certified room
 * with full recording (ZA2025 Art 108 ¶2); auxiliaries never count. */
int interview_check_officers(const struct interview_facts *f, struct ps_err *err);

/* Before a record may be signed (closed): guardian for minors
 * (ADM-MINOR-GUARDIAN: < 18 under ZA2025, < 16 under ZA2012;
 * MINOR-CRIM-INTERROG < 18 and a female staff member for a girl),
 * interpreter / sign language (ADM-INTERVIEW-LANG), full recording of a
 * suspect questioned in the station (ADM-SUMMON-AV, ZA2025) and of remote
 * questioning (ADM-REMOTE), family notice after a summons
 * (ADM-SUMMON-FAMILY), read-back and both signatures (ADM-INTERVIEW-SIGN). */
int interview_check_sign(const struct interview_facts *f, struct ps_err *err);

/* The age below which a guardian or appropriate adult must attend. */
int interview_minor_age(const struct interview_facts *f);

#endif
