#ifndef DUPING_CSQLITE_SHIM_H
#define DUPING_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
