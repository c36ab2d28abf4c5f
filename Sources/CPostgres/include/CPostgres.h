#ifndef DUPING_CPOSTGRES_H
#define DUPING_CPOSTGRES_H
// Debian's libpq (libpq-dev to build; libpq5 at run time, and only when a PostgreSQL database
// is used): the PostgreSQL client library (contract §14). Its header sits in
// /usr/include/postgresql and includes its neighbours by quoted name.
#include <postgresql/libpq-fe.h>

/// Opens libpq on first call (later calls return at once): NULL when it is loaded, else why it
/// could not be (libpq5 is not installed). Call before any PQ function: they are forwarded to
/// the library opened here, which the binary does not link, so that a server on SQLite never
/// maps libpq and the dozen libraries it brings (Kerberos, LDAP, GnuTLS, OpenSSL's libssl).
const char *duping_libpq_load_error(void);
#endif
