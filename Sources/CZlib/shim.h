#ifndef DUPING_CZLIB_SHIM_H
#define DUPING_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 is a macro in zlib.h, which Swift cannot call: wrap it.
static inline int cz_deflate_init2(z_streamp stream, int level, int windowBits, int memLevel) {
    return deflateInit2_(stream, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY,
                         ZLIB_VERSION, (int)sizeof(z_stream));
}
#endif
