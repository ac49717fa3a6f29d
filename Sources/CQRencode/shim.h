// libqrencode, the QR code encoder, for Swift.
#ifndef HEALTHGATE_CQRENCODE_SHIM_H
#define HEALTHGATE_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
