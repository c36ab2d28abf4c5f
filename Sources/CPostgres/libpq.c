// The PQ functions DuPing uses, forwarded to libpq.so.5 opened with dlopen on first use (see
// CPostgres.h). Each is defined here under libpq's own name and signature, hidden so that the
// executable never exports it (libpq's calls to itself then stay inside libpq).
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "CPostgres.h"

#define LIBPQ_FUNCTIONS(X)                                                                       \
    X(PGconn *, PQconnectdb, (const char *conninfo), (conninfo))                                 \
    X(void, PQfinish, (PGconn *conn), (conn))                                                    \
    X(ConnStatusType, PQstatus, (const PGconn *conn), (conn))                                    \
    X(PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn), (conn))                \
    X(char *, PQerrorMessage, (const PGconn *conn), (conn))                                      \
    X(int, PQsocket, (const PGconn *conn), (conn))                                               \
    X(int, PQbackendPID, (const PGconn *conn), (conn))                                           \
    X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg), \
      (conn, proc, arg))                                                                         \
    X(PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query))                      \
    X(PGresult *, PQprepare,                                                                     \
      (PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes), \
      (conn, stmtName, query, nParams, paramTypes))                                              \
    X(PGresult *, PQexecPrepared,                                                                \
      (PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues,          \
       const int *paramLengths, const int *paramFormats, int resultFormat),                      \
      (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat))          \
    X(ExecStatusType, PQresultStatus, (const PGresult *res), (res))                              \
    X(char *, PQresultErrorMessage, (const PGresult *res), (res))                                \
    X(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode))        \
    X(int, PQntuples, (const PGresult *res), (res))                                              \
    X(int, PQnfields, (const PGresult *res), (res))                                              \
    X(char *, PQfname, (const PGresult *res, int field_num), (res, field_num))                   \
    X(Oid, PQftype, (const PGresult *res, int field_num), (res, field_num))                      \
    X(char *, PQcmdTuples, (PGresult *res), (res))                                               \
    X(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num)) \
    X(int, PQgetlength, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num)) \
    X(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num)) \
    X(void, PQclear, (PGresult *res), (res))                                                     \
    X(int, PQconsumeInput, (PGconn *conn), (conn))                                               \
    X(PGnotify *, PQnotifies, (PGconn *conn), (conn))                                            \
    X(void, PQfreemem, (void *ptr), (ptr))

#define POINTER(type, name, parameters, arguments) static type(*loaded_##name) parameters;
LIBPQ_FUNCTIONS(POINTER)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char error[512];
static int failed;

static void load(void) {
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(error, sizeof error, "PostgreSQL's client library could not be loaded (install libpq5): %s",
                 dlerror());
        failed = 1;
        return;
    }
#define RESOLVE(type, name, parameters, arguments)                                                \
    if (!failed) {                                                                               \
        *(void **)&loaded_##name = dlsym(library, #name);                                        \
        if (loaded_##name == NULL) {                                                             \
            snprintf(error, sizeof error, "libpq.so.5 lacks %s", #name);                         \
            failed = 1;                                                                          \
        }                                                                                        \
    }
    LIBPQ_FUNCTIONS(RESOLVE)
}

const char *duping_libpq_load_error(void) {
    pthread_once(&once, load);
    return failed ? error : NULL;
}

/// Reached only when a caller skipped `duping_libpq_load_error`: a programming error.
static void require_loaded(const char *name) {
    if (duping_libpq_load_error() != NULL) {
        fprintf(stderr, "%s called without libpq: %s\n", name, error);
        abort();
    }
}

#define FORWARD(type, name, parameters, arguments)                                               \
    __attribute__((visibility("hidden"))) type name parameters {                                 \
        require_loaded(#name);                                                                   \
        return loaded_##name arguments;                                                          \
    }
LIBPQ_FUNCTIONS(FORWARD)
