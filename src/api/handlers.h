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

#endif
