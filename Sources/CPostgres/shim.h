#ifndef GACETACHAT_CPOSTGRES_SHIM_H
#define GACETACHAT_CPOSTGRES_SHIM_H
/* libpq, the PostgreSQL client library (Debian: libpq-dev; headers in /usr/include/postgresql,
   found through pkg-config "libpq"). */
#include <libpq-fe.h>
#endif
