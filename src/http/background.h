/* background.h — the server's background threads: WAL checkpoints and the
 * breach sweep, each on its own database connection, at lower priority. */
#ifndef PS_HTTP_BACKGROUND_H
#define PS_HTTP_BACKGROUND_H

/* Start the checkpoint thread on db_path (kept, not copied); 1 when it
 * runs (commits then leave checkpoints to it), 0 when it could not start. */
int background_checkpointer_start(const char *db_path);

/* 1 while the checkpoint thread runs. Set before any connection opens. */
int background_checkpointer_running(void);

/* Start the breach sweep on db_path (after the committer: it writes
 * through it); 1 when it runs. */
int background_sweep_start(const char *db_path);

/* Stop and join whichever of the two runs. Cannot fail. */
void background_stop(void);

#endif
