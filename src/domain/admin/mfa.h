/* mfa.h — two-factor login with TOTP (RFC 6238, core/totp.h; TRUST AUTH-5,
 * AUD-2 "MFA enrolment"). Every account may enrol; the roles listed by the
 * setting auth.mfa_roles (default admin, chief, supervisor, auditor: 等保
 * level 3 asks two factors of administrators) must: until they have, their
 * session reaches only the enrolment routes (mfa_gate). Enrolment: a secret
 * is made (mfa_setup_start), confirmed by a first code (mfa_setup_confirm),
 * and 10 one-time recovery codes are handed out once (kept as BLAKE2b
 * hashes: 80 random bits each). A code is accepted once: the step of the
 * last accepted code is kept. */
#ifndef PS_DOMAIN_MFA_H
#define PS_DOMAIN_MFA_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "core/crypto.h"

#define MFA_RECOVERY_CODES 10

/* TOTP secrets are kept sealed (TRUST CRY-2): user_totp.secret holds
 * MFA_SEALED_PREFIX and crypto_seal's text (XChaCha20-Poly1305 with the
 * owner's id as additional data) of the raw key, under ctx.totp_key: the
 * sub-key MFA_KEY_CONTEXT of the server secret DB.key, which is not in the
 * database. Without that key (lost DB.key) no secret opens: the
 * administrator resets those users' two-factor (mfa_reset). */
#define MFA_KEY_CONTEXT "PCTOTP01"
#define MFA_SEALED_PREFIX "s1:"
#define MFA_KEY_MAX 64 /* bytes of a TOTP key as stored (new ones: 20) */
#define MFA_SEALED_TEXT (sizeof(MFA_SEALED_PREFIX) - 1 + CRYPTO_SEALED_TEXT(MFA_KEY_MAX))

/* What the second factor of a login said (mfa_login_verify). */
enum mfa_verdict {
	MFA_NONE,    /* the account has no TOTP enabled: the password suffices */
	MFA_MISSING, /* TOTP enabled and no code given */
	MFA_OK,      /* a fresh TOTP code or an unused recovery code */
	MFA_BAD,     /* a wrong, reused or malformed code */
};

/* 1 when role must use two factors (setting auth.mfa_roles). */
int mfa_role_required(struct ctx *c, const char *role);

/* For a logged-in request: PS_OK when the actor may go on, PS_EFORBIDDEN
 * TOTP_ENROL_REQUIRED (rule AUTH-5) when the actor's role must use two
 * factors and has none enabled. Only a storage error otherwise. */
int mfa_gate(struct ctx *c);

/* The second factor of user_id's login, after the password was right. code
 * (may be NULL or "") is a 6-digit TOTP code or a recovery code. MFA_OK
 * records the step (TOTP) or marks the recovery code used (audited
 * "mfa.recovery_used"), in the caller's transaction. Only a storage error
 * fails; *v is then MFA_BAD. */
int mfa_login_verify(struct ctx *c, int64_t user_id, const char *code, enum mfa_verdict *v);

/* The actor's state: {"enabled":bool,"pending":bool,"required":bool,
 * "recovery_left":N}. */
int mfa_status(struct ctx *c, json_t **out);

/* Start (or restart) the actor's enrolment: a new secret replaces a pending
 * one. PS_ECONFLICT TOTP_ALREADY_ENABLED when enabled. *out is {"secret":
 * base32, "otpauth_uri":…, "algorithm":"SHA256", "digits":6, "period":30}.
 * Audited "mfa.setup_start". */
int mfa_setup_start(struct ctx *c, json_t **out);

/* Confirm the pending enrolment with a code of the secret: TOTP is enabled
 * and *out is {"recovery_codes":[10 codes]} — shown this once. PS_EINVAL
 * TOTP_INVALID (field code) for a wrong code; PS_ECONFLICT when nothing is
 * pending. Audited "mfa.enrol". */
int mfa_setup_confirm(struct ctx *c, const char *code, json_t **out);

/* The actor turns TOTP off, proving it with a current TOTP code. Refused
 * (PS_ECONFLICT TOTP_REQUIRED_FOR_ROLE) when the role must use two factors.
 * Audited "mfa.disable". */
int mfa_disable(struct ctx *c, const char *code);

/* The administrator removes user_id's TOTP and recovery codes (a lost
 * phone) and ends the user's sessions; the user enrols again at the next
 * login. Audited "user.mfa_reset". PS_ENOTFOUND for an unknown user. */
int mfa_reset(struct ctx *c, int64_t user_id, json_t **out);

/* Start-up pass of serve, in the caller's write transaction: every row of
 * user_totp still in plain base32 (a database made before CRY-2, or an old
 * backup restored) is sealed in place under ctx.totp_key (*sealed counts
 * them; audited "mfa.secrets_sealed" when there were any); a sealed row
 * that does not open with this key is counted in *unreadable (its user
 * cannot log in with TOTP until reset). Only a storage error fails. */
int mfa_secrets_seal(struct ctx *c, int *sealed, int *unreadable);

/* Seconds until the actor may try a second-factor code again outside login
 * (confirm, disable) after too many wrong ones; 0 when not limited. */
int mfa_code_retry_after(struct ctx *c);

#endif
