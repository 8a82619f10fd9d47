#include "rules/interview_rules.h"
#include "rules/catalog.h"

int interview_minor_age(const struct interview_facts *f)
{
	/* ZA2025 Art 98 ¶3 / XZCX Art 75: under 18; ZA2012 Art 84 ¶3: under 16.
	 * Criminal: XSS Art 281 — under 18. */
	if (f->criminal)
		return rule_value(RULE_MINOR_CRIM_INTERROG, 0);
	return rule_value(f->za2025 ? RULE_ADM_MINOR_GUARDIAN : RULE_ADM_MINOR_GUARDIAN_ZA2012, 0);
}

int interview_check_officers(const struct interview_facts *f, struct ps_err *err)
{
	if (f->sworn_officers >= rule_value(f->criminal ? RULE_CRIM_INTERROG_2 : RULE_ADM_OFFICERS_2, 0))
		return PS_OK;
	if (f->criminal)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "CRIM-INTERROG-2",
			       "讯问、询问犯罪嫌疑人必须由两名以上侦查人员进行（刑事诉讼法第118条）");
	/* ZA2025 Art 108 ¶2: one officer in a properly set-up 执法办案场所 with
	 * full audio-video recording */
	if (f->za2025 && f->sworn_officers == 1 && f->certified_room && f->has_recording)
		return PS_OK;
	if (f->sworn_officers == 1 && f->auxiliaries > 0)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-OFFICERS-2",
			       "询问必须由两名以上人民警察进行，辅警不计入办案人数");
	return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-OFFICERS-2",
		       f->za2025 ? "询问必须由两名以上人民警察进行；仅在规范设置的执法办案场所并全程录音录像时可由一名人民警察进行"
				 : "询问必须由两名以上人民警察进行");
}

int interview_check_sign(const struct interview_facts *f, struct ps_err *err)
{
	if (f->subject_age >= 0 && f->subject_age < interview_minor_age(f) &&
	    !f->guardian_present && !f->guardian_absent)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION",
			       f->criminal ? "MINOR-CRIM-INTERROG" : "ADM-MINOR-GUARDIAN",
			       "询问未成年人应当通知其父母或者其他监护人到场；无法通知或者未到场的，应当通知其他成年亲属或合适成年人到场，并在笔录中注明");
	if (f->criminal && f->subject_age >= 0 && f->subject_age < rule_value(RULE_MINOR_CRIM_INTERROG, 0) && f->subject_female &&
	    !f->guardian_female_staff)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "MINOR-CRIM-INTERROG",
			       "讯问女性未成年犯罪嫌疑人，应当有女工作人员在场");
	if (f->needs_sign_language && !f->has_sign_language)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-INTERVIEW-LANG",
			       "询问聋哑人，应当有通晓手语的人提供帮助，并在笔录上注明");
	if (f->needs_interpreter && !f->has_interpreter)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-INTERVIEW-LANG",
			       "询问不通晓当地通用语言文字的人，应当配备翻译人员，并在笔录上注明");
	if (f->remote && !f->has_recording)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-REMOTE",
			       "远程视频询问应当全程同步录音录像，并向被询问人宣读笔录");
	if (!f->criminal && f->za2025 && f->subject_is_suspect && f->in_station &&
	    !f->has_recording)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-SUMMON-AV",
			       "在执法办案场所询问违反治安管理行为人，应当全程同步录音录像");
	if (f->summoned && !f->family_notice)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-SUMMON-FAMILY",
			       "传唤后应当及时将传唤的原因和处所通知被传唤人家属，或在笔录中注明无法通知的原因");
	if (!f->read_back)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-INTERVIEW-SIGN",
			       "笔录应当交被询问人核对或者向其宣读");
	if (!f->subject_signed || !f->officer_signed)
		return ps_fail(err, PS_ERULE, "RULE_VIOLATION", "ADM-INTERVIEW-SIGN",
			       "笔录须经被询问人签名、盖章或者按指印（或注明拒绝签名），询问人也应当签名");
	return PS_OK;
}
