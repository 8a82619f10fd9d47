/* users.h — account administration (admin only; ACL-3: the admin manages
 * accounts but reads no audit and no case data). */
#ifndef PS_DOMAIN_USERS_H
#define PS_DOMAIN_USERS_H

#include <jansson.h>
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/admin/passwords.h"

struct user_filter {
	const char *q;       /* username or name contains */
	const char *role;
	int64_t unit_id;     /* 0 = any */
	int64_t page, per_page;
};

/* Input of create/update; NULL / 0 fields are "not given" on update. */
struct user_input {
	const char *username, *name, *role, *badge_no, *phone, *password;
	int64_t unit_id;
};

/* {"items":[…],"total":N}. */
int users_list(struct ctx *c, const struct user_filter *f, json_t **out);

/* Create an account; the password must satisfy the policy and the user must
 * change it at first login. 409 USERNAME_TAKEN for a duplicate. Audited.
 * *out is {"user":{…}} (list shape). */
int users_create(struct ctx *c, const struct user_input *in, json_t **out);

/* Update name, role, unit, badge_no, phone. Audited (role changes named). */
int users_update(struct ctx *c, int64_t id, const struct user_input *in,
		 json_t **out);

/* Administrator lock (disabled = 1) or unlock (also clears an automatic
 * lock and the failure counter). Locking ends the user's sessions. */
int users_set_disabled(struct ctx *c, int64_t id, int disabled, json_t **out);

/* Administrator reset: the user must change it at next login; sessions end. */
int users_reset_password(struct ctx *c, int64_t id, const char *pw);

/* The argon2id work of users_create / users_reset_password, done on the
 * request's worker before the write (passwords_prepare), after the same
 * permission check; put p in c->pw_prep for the write. Writes nothing. A
 * refusal here is only a reason to skip the work: the write refuses (and
 * audits) again. */
int users_create_prepare(struct ctx *c, const struct user_input *in, struct pw_prep *p);
int users_reset_password_prepare(struct ctx *c, int64_t id, const char *pw, struct pw_prep *p);

/* Create an account without a permission check (init, CLI). pw_hash may be
 * given to reuse an argon2id hash (demo data) — else password is hashed.
 * *id_out receives the new id. */
int users_insert(struct ctx *c, const struct user_input *in, const char *pw_hash,
		 int must_change, int64_t *id_out);

/* The list-shape JSON of one user. */
int users_get_json(struct ctx *c, int64_t id, json_t **out);

/* The id of username (PS_ENOTFOUND when there is none). */
int users_find_id(struct ctx *c, const char *username, int64_t *id);


#endif
