#ifndef GACETACHAT_CPOSTGRES_SHIM_H
#define GACETACHAT_CPOSTGRES_SHIM_H
/* libpq, the PostgreSQL client library (Debian: libpq5 at run time, libpq-dev for the header), loaded with
   dlopen("libpq.so.5") on first use instead of linked: libpq and its dependency tree (krb5, gssapi, ldap,
   …) then cost nothing in a worker whose database is SQLite. The functions the driver calls keep their
   names: each is an inline wrapper that calls through a table of pointers resolved once with dlsym.
   libpq's own declarations are renamed below so that the wrappers can take their names.
   When libpq.so.5 cannot be loaded, PQconninfoParse (the driver's first call) fails with a message that
   says so, and PQconnectdb returns NULL; the other functions are only reached with a connection.
   A function not in the table is not linked either: calling a new one fails at link time ("undefined
   reference to PQsocket") until it is renamed and wrapped here like the others. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PQclear gaceta_libpq_declared_PQclear
#define PQcmdTuples gaceta_libpq_declared_PQcmdTuples
#define PQconnectdb gaceta_libpq_declared_PQconnectdb
#define PQconninfoFree gaceta_libpq_declared_PQconninfoFree
#define PQconninfoParse gaceta_libpq_declared_PQconninfoParse
#define PQerrorMessage gaceta_libpq_declared_PQerrorMessage
#define PQexec gaceta_libpq_declared_PQexec
#define PQexecParams gaceta_libpq_declared_PQexecParams
#define PQexecPrepared gaceta_libpq_declared_PQexecPrepared
#define PQfinish gaceta_libpq_declared_PQfinish
#define PQfreemem gaceta_libpq_declared_PQfreemem
#define PQgetisnull gaceta_libpq_declared_PQgetisnull
#define PQgetvalue gaceta_libpq_declared_PQgetvalue
#define PQntuples gaceta_libpq_declared_PQntuples
#define PQprepare gaceta_libpq_declared_PQprepare
#define PQreset gaceta_libpq_declared_PQreset
#define PQresultErrorField gaceta_libpq_declared_PQresultErrorField
#define PQresultErrorMessage gaceta_libpq_declared_PQresultErrorMessage
#define PQresultStatus gaceta_libpq_declared_PQresultStatus
#define PQsetNoticeProcessor gaceta_libpq_declared_PQsetNoticeProcessor
#define PQstatus gaceta_libpq_declared_PQstatus
#include <postgresql/libpq-fe.h>
#undef PQclear
#undef PQcmdTuples
#undef PQconnectdb
#undef PQconninfoFree
#undef PQconninfoParse
#undef PQerrorMessage
#undef PQexec
#undef PQexecParams
#undef PQexecPrepared
#undef PQfinish
#undef PQfreemem
#undef PQgetisnull
#undef PQgetvalue
#undef PQntuples
#undef PQprepare
#undef PQreset
#undef PQresultErrorField
#undef PQresultErrorMessage
#undef PQresultStatus
#undef PQsetNoticeProcessor
#undef PQstatus

/* X(return type, name, parameters, arguments): every function the driver calls, in three lists: the first
   calls (written out below, they work without the library), the others returning a value, and those
   returning nothing. */
#define GACETA_LIBPQ_FIRST(X)                                                                                 \
    X(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), (conninfo, errmsg))        \
    X(void, PQfreemem, (void *ptr), (ptr))                                                                   \
    X(PGconn *, PQconnectdb, (const char *conninfo), (conninfo))
#define GACETA_LIBPQ_VALUES(X)                                                                                \
    X(char *, PQcmdTuples, (PGresult * res), (res))                                                          \
    X(char *, PQerrorMessage, (const PGconn *conn), (conn))                                                  \
    X(PGresult *, PQexec, (PGconn * conn, const char *query), (conn, query))                                 \
    X(PGresult *, PQexecParams,                                                                              \
      (PGconn * conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues, \
       const int *paramLengths, const int *paramFormats, int resultFormat),                                  \
      (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))           \
    X(PGresult *, PQexecPrepared,                                                                            \
      (PGconn * conn, const char *stmtName, int nParams, const char *const *paramValues,                     \
       const int *paramLengths, const int *paramFormats, int resultFormat),                                  \
      (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat))                      \
    X(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))        \
    X(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))      \
    X(int, PQntuples, (const PGresult *res), (res))                                                          \
    X(PGresult *, PQprepare,                                                                                 \
      (PGconn * conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes),          \
      (conn, stmtName, query, nParams, paramTypes))                                                          \
    X(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode))                    \
    X(char *, PQresultErrorMessage, (const PGresult *res), (res))                                            \
    X(ExecStatusType, PQresultStatus, (const PGresult *res), (res))                                          \
    X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn * conn, PQnoticeProcessor proc, void *arg),           \
      (conn, proc, arg))                                                                                     \
    X(ConnStatusType, PQstatus, (const PGconn *conn), (conn))
#define GACETA_LIBPQ_VOIDS(X)                                                                                 \
    X(void, PQclear, (PGresult * res), (res))                                                                \
    X(void, PQconninfoFree, (PQconninfoOption * options), (options))                                         \
    X(void, PQfinish, (PGconn * conn), (conn))                                                               \
    X(void, PQreset, (PGconn * conn), (conn))
#define GACETA_LIBPQ_FUNCTIONS(X) GACETA_LIBPQ_FIRST(X) GACETA_LIBPQ_VALUES(X) GACETA_LIBPQ_VOIDS(X)

#define GACETA_LIBPQ_FIELD(type, name, parameters, arguments) type(*name) parameters;
struct gaceta_libpq {
    GACETA_LIBPQ_FUNCTIONS(GACETA_LIBPQ_FIELD)
    /* NULL once every function is resolved; else why libpq could not be loaded. */
    const char *error;
};
#undef GACETA_LIBPQ_FIELD

/* Storage as function-local statics: Swift emits a C header's inline functions (with their statics) but not
   its file-scope variables. */
static inline struct gaceta_libpq *gaceta_libpq_storage(void) {
    static struct gaceta_libpq table;
    return &table;
}
static inline char *gaceta_libpq_message(void) {
    static char message[512];
    return message;
}
#define gaceta_libpq_table (*gaceta_libpq_storage())
#define gaceta_libpq_error (gaceta_libpq_message())

static inline void gaceta_libpq_open(void) {
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(gaceta_libpq_error, 512,
                 "the PostgreSQL client library could not be loaded (%s); install libpq5", dlerror());
        gaceta_libpq_table.error = gaceta_libpq_error;
        return;
    }
#define GACETA_LIBPQ_RESOLVE(type, name, parameters, arguments)                                                \
    gaceta_libpq_table.name = (type(*) parameters)dlsym(library, #name);                                       \
    if (gaceta_libpq_table.name == NULL) {                                                                     \
        snprintf(gaceta_libpq_error, 512, "libpq.so.5 has no %s (%s)", #name, dlerror()); \
        gaceta_libpq_table.error = gaceta_libpq_error;                                                         \
        return;                                                                                                \
    }
    GACETA_LIBPQ_FUNCTIONS(GACETA_LIBPQ_RESOLVE)
#undef GACETA_LIBPQ_RESOLVE
    gaceta_libpq_table.error = NULL;
}

/** The table, loaded on the first call (once per process, thread-safe). */
static inline const struct gaceta_libpq *gaceta_libpq(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, gaceta_libpq_open);
    return &gaceta_libpq_table;
}

/** Why libpq.so.5 could not be loaded, or NULL when it is (loading it if need be). */
static inline const char *gaceta_libpq_load_error(void) { return gaceta_libpq()->error; }

/* The driver's first calls work without the library, to report why it is missing. */
static inline PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg) {
    const struct gaceta_libpq *pq = gaceta_libpq();
    if (pq->error != NULL) {
        if (errmsg != NULL) *errmsg = strdup(pq->error);
        return NULL;
    }
    return pq->PQconninfoParse(conninfo, errmsg);
}
static inline void PQfreemem(void *ptr) {
    const struct gaceta_libpq *pq = gaceta_libpq();
    if (pq->error != NULL) free(ptr); /* only ever our own strdup above */
    else pq->PQfreemem(ptr);
}
static inline PGconn *PQconnectdb(const char *conninfo) {
    const struct gaceta_libpq *pq = gaceta_libpq();
    return pq->error != NULL ? NULL : pq->PQconnectdb(conninfo);
}

/* The others are reached only with a connection, so with the library loaded. */
#define GACETA_LIBPQ_CALL(type, name, parameters, arguments) \
    static inline type name parameters { return gaceta_libpq()->name arguments; }
#define GACETA_LIBPQ_CALL_VOID(type, name, parameters, arguments) \
    static inline void name parameters { gaceta_libpq()->name arguments; }
GACETA_LIBPQ_VALUES(GACETA_LIBPQ_CALL)
GACETA_LIBPQ_VOIDS(GACETA_LIBPQ_CALL_VOID)
#undef GACETA_LIBPQ_CALL
#undef GACETA_LIBPQ_CALL_VOID
#undef gaceta_libpq_table
#undef gaceta_libpq_error
#endif
