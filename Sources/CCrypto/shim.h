// OpenSSL's libcrypto for Swift: Ed25519 signatures, AES-SIV and SHA-256 through the EVP API.
#ifndef HEALTHGATE_CCRYPTO_SHIM_H
#define HEALTHGATE_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/core_names.h>
#endif
