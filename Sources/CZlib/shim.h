#ifndef DUPING_CZLIB_SHIM_H
#define DUPING_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 is a macro in zlib.h, which Swift cannot call: wrap it.
static inline int cz_deflate_init2(z_streamp stream, int level, int windowBits, int memLevel) {
    return deflateInit2_(stream, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY,
                         ZLIB_VERSION, (int)sizeof(z_stream));
}

/// inflateInit2 is a macro too; tests use it to check gzip output round-trips.
static inline int cz_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2_(stream, windowBits, ZLIB_VERSION, (int)sizeof(z_stream));
}
#endif
