// libpq, PostgreSQL's C client library, for Swift, with the character macros that do not import.
#ifndef HEALTHGATE_CLIBPQ_SHIM_H
#define HEALTHGATE_CLIBPQ_SHIM_H
#include <libpq-fe.h>

static inline int hg_pq_diag_sqlstate(void) { return PG_DIAG_SQLSTATE; }
static inline int hg_pq_diag_message_primary(void) { return PG_DIAG_MESSAGE_PRIMARY; }
#endif
