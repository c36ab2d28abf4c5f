// SHA-256 from the system's libcrypto (Debian's libssl-dev): the one digest DuPing needs.
#include <openssl/sha.h>
