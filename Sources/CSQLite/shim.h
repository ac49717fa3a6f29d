// SQLite for Swift, with the one macro that does not import.
#ifndef HEALTHGATE_CSQLITE_SHIM_H
#define HEALTHGATE_CSQLITE_SHIM_H
#include <sqlite3.h>

static inline sqlite3_destructor_type hg_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
