#ifndef GACETACHAT_CSQLITE_SHIM_H
#define GACETACHAT_CSQLITE_SHIM_H
#include <sqlite3.h>

/* sqlite3.h also declares the FTS5 extension API (fts5_api, fts5_tokenizer). */
#define GACETA_FTS5_TOKENIZE_PREFIX FTS5_TOKENIZE_PREFIX

/* SQLITE_TRANSIENT is a macro Swift cannot import. */
static inline sqlite3_destructor_type gaceta_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
