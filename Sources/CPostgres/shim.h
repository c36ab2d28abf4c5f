#ifndef DUPING_CPOSTGRES_SHIM_H
#define DUPING_CPOSTGRES_SHIM_H
// Debian's libpq-dev (libpq5 at run time): the PostgreSQL client library (contract §14).
// The header sits in /usr/include/postgresql (`pg_config --includedir`), which the target's
// pkgConfig "libpq" adds to the search path.
#include <libpq-fe.h>
#endif
