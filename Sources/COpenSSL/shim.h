#ifndef GACETACHAT_COPENSSL_SHIM_H
#define GACETACHAT_COPENSSL_SHIM_H
/* OpenSSL's libcrypto (Debian: libssl3 at run time, libssl-dev for the headers), loaded with
   dlopen("libcrypto.so.3") on first use instead of linked: its relocated tables then cost nothing in a worker
   that never hashes (only admin tokens, uploads and `config` do). The functions GacetaCrypto calls keep their
   names: each is an inline wrapper that calls through a table of pointers resolved once with dlsym; OpenSSL's
   own declarations are renamed below so that the wrappers can take their names. Without the library the
   first call stops the process with a message that says so (libcrypto is part of every Debian system).
   A function not in the table is not linked either: calling a new one fails at link time ("undefined
   reference to EVP_sha512") until it is renamed and wrapped here like the others. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#define EVP_Digest gaceta_libcrypto_declared_EVP_Digest
#define EVP_sha256 gaceta_libcrypto_declared_EVP_sha256
#define EVP_DigestInit_ex gaceta_libcrypto_declared_EVP_DigestInit_ex
#define EVP_DigestUpdate gaceta_libcrypto_declared_EVP_DigestUpdate
#define EVP_DigestFinal_ex gaceta_libcrypto_declared_EVP_DigestFinal_ex
#define EVP_MD_CTX_new gaceta_libcrypto_declared_EVP_MD_CTX_new
#define EVP_MD_CTX_free gaceta_libcrypto_declared_EVP_MD_CTX_free
#define HMAC gaceta_libcrypto_declared_HMAC
#define CRYPTO_memcmp gaceta_libcrypto_declared_CRYPTO_memcmp
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#undef EVP_Digest
#undef EVP_sha256
#undef EVP_DigestInit_ex
#undef EVP_DigestUpdate
#undef EVP_DigestFinal_ex
#undef EVP_MD_CTX_new
#undef EVP_MD_CTX_free
#undef HMAC
#undef CRYPTO_memcmp

struct gaceta_libcrypto {
    int (*EVP_Digest)(const void *data, size_t count, unsigned char *md, unsigned int *size,
        const EVP_MD *type, ENGINE *impl);
    const EVP_MD *(*EVP_sha256)(void);
    int (*EVP_DigestInit_ex)(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl);
    int (*EVP_DigestUpdate)(EVP_MD_CTX *ctx, const void *d, size_t cnt);
    int (*EVP_DigestFinal_ex)(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s);
    EVP_MD_CTX *(*EVP_MD_CTX_new)(void);
    void (*EVP_MD_CTX_free)(EVP_MD_CTX *ctx);
    unsigned char *(*HMAC)(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *data,
        size_t data_len, unsigned char *md, unsigned int *md_len);
    int (*CRYPTO_memcmp)(const void *in_a, const void *in_b, size_t len);
};

/* Storage as a function-local static: Swift emits a C header's inline functions (with their statics) but not
   its file-scope variables. */
static inline struct gaceta_libcrypto *gaceta_libcrypto_storage(void) {
    static struct gaceta_libcrypto table;
    return &table;
}

static inline void gaceta_libcrypto_open(void) {
    struct gaceta_libcrypto *table = gaceta_libcrypto_storage();
    void *library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "gacetachat: OpenSSL's libcrypto could not be loaded (%s); install libssl3\n", dlerror());
        abort();
    }
#define GACETA_LIBCRYPTO_RESOLVE(name)                                                   \
    *(void **)&table->name = dlsym(library, #name);                                      \
    if (table->name == NULL) {                                                           \
        fprintf(stderr, "gacetachat: libcrypto.so.3 has no %s\n", #name);               \
        abort();                                                                         \
    }
    GACETA_LIBCRYPTO_RESOLVE(EVP_Digest)
    GACETA_LIBCRYPTO_RESOLVE(EVP_sha256)
    GACETA_LIBCRYPTO_RESOLVE(EVP_DigestInit_ex)
    GACETA_LIBCRYPTO_RESOLVE(EVP_DigestUpdate)
    GACETA_LIBCRYPTO_RESOLVE(EVP_DigestFinal_ex)
    GACETA_LIBCRYPTO_RESOLVE(EVP_MD_CTX_new)
    GACETA_LIBCRYPTO_RESOLVE(EVP_MD_CTX_free)
    GACETA_LIBCRYPTO_RESOLVE(HMAC)
    GACETA_LIBCRYPTO_RESOLVE(CRYPTO_memcmp)
#undef GACETA_LIBCRYPTO_RESOLVE
}

/** The table, loaded on the first call (once per process, thread-safe). */
static inline const struct gaceta_libcrypto *gaceta_libcrypto(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, gaceta_libcrypto_open);
    return gaceta_libcrypto_storage();
}

/* The wrappers: the same names and types as OpenSSL's declarations. */
static inline int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size, const EVP_MD *type,
                             ENGINE *impl) {
    return gaceta_libcrypto()->EVP_Digest(data, count, md, size, type, impl);
}
static inline const EVP_MD *EVP_sha256(void) {
    return gaceta_libcrypto()->EVP_sha256();
}
static inline int EVP_DigestInit_ex(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl) {
    return gaceta_libcrypto()->EVP_DigestInit_ex(ctx, type, impl);
}
static inline int EVP_DigestUpdate(EVP_MD_CTX *ctx, const void *d, size_t cnt) {
    return gaceta_libcrypto()->EVP_DigestUpdate(ctx, d, cnt);
}
static inline int EVP_DigestFinal_ex(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s) {
    return gaceta_libcrypto()->EVP_DigestFinal_ex(ctx, md, s);
}
static inline EVP_MD_CTX *EVP_MD_CTX_new(void) {
    return gaceta_libcrypto()->EVP_MD_CTX_new();
}
static inline void EVP_MD_CTX_free(EVP_MD_CTX *ctx) {
    gaceta_libcrypto()->EVP_MD_CTX_free(ctx);
}
static inline unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *data,
                                  size_t data_len, unsigned char *md, unsigned int *md_len) {
    return gaceta_libcrypto()->HMAC(evp_md, key, key_len, data, data_len, md, md_len);
}
static inline int CRYPTO_memcmp(const void *in_a, const void *in_b, size_t len) {
    return gaceta_libcrypto()->CRYPTO_memcmp(in_a, in_b, len);
}
#endif
