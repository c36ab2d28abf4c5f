#ifndef DUPING_CQRENCODE_SHIM_H
#define DUPING_CQRENCODE_SHIM_H
// Debian's libqrencode-dev (libqrencode4 at run time): QR codes for the ballot slips.
#include <qrencode.h>
#endif
