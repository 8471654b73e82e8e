#ifndef GACETACHAT_CCURL_SHIM_H
#define GACETACHAT_CCURL_SHIM_H
/* libcurl (Debian: libcurl4 at run time, libcurl4-openssl-dev for the header), loaded with
   dlopen("libcurl.so.4") on first use instead of linked: libcurl and its dependency tree (nghttp2, ssh,
   ldap, krb5, …) then cost nothing in a worker that never calls a model. The functions the client calls
   keep their names: each is an inline wrapper that calls through a table of pointers resolved once with
   dlsym. libcurl's own declarations are renamed below so that the wrappers can take their names.
   When libcurl.so.4 cannot be loaded, curl_global_init (the client's first call) returns CURLE_FAILED_INIT
   and gaceta_libcurl_load_error() says why; the other functions are only reached after it succeeded.
   A function not in the table is not linked either: calling a new one fails at link time ("undefined
   reference to curl_easy_reset") until it is renamed and wrapped here like the others. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#define CURL_DISABLE_TYPECHECK 1
#define curl_easy_cleanup gaceta_libcurl_declared_curl_easy_cleanup
#define curl_easy_getinfo gaceta_libcurl_declared_curl_easy_getinfo
#define curl_easy_init gaceta_libcurl_declared_curl_easy_init
#define curl_easy_perform gaceta_libcurl_declared_curl_easy_perform
#define curl_easy_setopt gaceta_libcurl_declared_curl_easy_setopt
#define curl_global_init gaceta_libcurl_declared_curl_global_init
#define curl_slist_append gaceta_libcurl_declared_curl_slist_append
#define curl_slist_free_all gaceta_libcurl_declared_curl_slist_free_all
#include <curl/curl.h>
#undef curl_easy_cleanup
#undef curl_easy_getinfo
#undef curl_easy_init
#undef curl_easy_perform
#undef curl_easy_setopt
#undef curl_global_init
#undef curl_slist_append
#undef curl_slist_free_all

struct gaceta_libcurl {
    CURLcode (*curl_global_init)(long flags);
    CURL *(*curl_easy_init)(void);
    CURLcode (*curl_easy_setopt)(CURL *curl, CURLoption option, ...);
    CURLcode (*curl_easy_getinfo)(CURL *curl, CURLINFO info, ...);
    CURLcode (*curl_easy_perform)(CURL *curl);
    void (*curl_easy_cleanup)(CURL *curl);
    struct curl_slist *(*curl_slist_append)(struct curl_slist *list, const char *data);
    void (*curl_slist_free_all)(struct curl_slist *list);
    /* NULL once every function is resolved; else why libcurl could not be loaded. */
    const char *error;
};

/* Storage as function-local statics: Swift emits a C header's inline functions (with their statics) but not
   its file-scope variables. */
static inline struct gaceta_libcurl *gaceta_libcurl_storage(void) {
    static struct gaceta_libcurl table;
    return &table;
}
static inline char *gaceta_libcurl_message(void) {
    static char message[512];
    return message;
}
#define gaceta_libcurl_table (*gaceta_libcurl_storage())
#define gaceta_libcurl_error (gaceta_libcurl_message())

static inline void gaceta_libcurl_open(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(gaceta_libcurl_error, 512,
                 "libcurl could not be loaded (%s); install libcurl4", dlerror());
        gaceta_libcurl_table.error = gaceta_libcurl_error;
        return;
    }
#define GACETA_LIBCURL_RESOLVE(name)                                                                        \
    *(void **)&gaceta_libcurl_table.name = dlsym(library, #name);                                           \
    if (gaceta_libcurl_table.name == NULL) {                                                                \
        snprintf(gaceta_libcurl_error, 512, "libcurl.so.4 has no %s", #name);       \
        gaceta_libcurl_table.error = gaceta_libcurl_error;                                                  \
        return;                                                                                             \
    }
    GACETA_LIBCURL_RESOLVE(curl_global_init)
    GACETA_LIBCURL_RESOLVE(curl_easy_init)
    GACETA_LIBCURL_RESOLVE(curl_easy_setopt)
    GACETA_LIBCURL_RESOLVE(curl_easy_getinfo)
    GACETA_LIBCURL_RESOLVE(curl_easy_perform)
    GACETA_LIBCURL_RESOLVE(curl_easy_cleanup)
    GACETA_LIBCURL_RESOLVE(curl_slist_append)
    GACETA_LIBCURL_RESOLVE(curl_slist_free_all)
#undef GACETA_LIBCURL_RESOLVE
    gaceta_libcurl_table.error = NULL;
}

/** The table, loaded on the first call (once per process, thread-safe). */
static inline const struct gaceta_libcurl *gaceta_libcurl(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, gaceta_libcurl_open);
    return &gaceta_libcurl_table;
}

/** Why libcurl.so.4 could not be loaded, or NULL when it is (loading it if need be). */
static inline const char *gaceta_libcurl_load_error(void) { return gaceta_libcurl()->error; }

static inline CURLcode curl_global_init(long flags) {
    const struct gaceta_libcurl *curl = gaceta_libcurl();
    return curl->error != NULL ? CURLE_FAILED_INIT : curl->curl_global_init(flags);
}
static inline CURL *curl_easy_init(void) {
    const struct gaceta_libcurl *curl = gaceta_libcurl();
    return curl->error != NULL ? NULL : curl->curl_easy_init();
}
static inline CURLcode curl_easy_perform(CURL *handle) { return gaceta_libcurl()->curl_easy_perform(handle); }
static inline void curl_easy_cleanup(CURL *handle) { gaceta_libcurl()->curl_easy_cleanup(handle); }
static inline struct curl_slist *curl_slist_append(struct curl_slist *list, const char *data) {
    return gaceta_libcurl()->curl_slist_append(list, data);
}
static inline void curl_slist_free_all(struct curl_slist *list) { gaceta_libcurl()->curl_slist_free_all(list); }

/* curl_easy_setopt is variadic: Swift cannot call it, so one typed wrapper per argument kind. */
static inline CURLcode gaceta_curl_setopt_long(CURL *curl, CURLoption option, long value) {
    return gaceta_libcurl()->curl_easy_setopt(curl, option, value);
}
static inline CURLcode gaceta_curl_setopt_string(CURL *curl, CURLoption option, const char *value) {
    return gaceta_libcurl()->curl_easy_setopt(curl, option, value);
}
static inline CURLcode gaceta_curl_setopt_pointer(CURL *curl, CURLoption option, void *value) {
    return gaceta_libcurl()->curl_easy_setopt(curl, option, value);
}
typedef size_t (*gaceta_curl_write_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode gaceta_curl_setopt_write_function(CURL *curl, gaceta_curl_write_callback callback) {
    return gaceta_libcurl()->curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, callback);
}
typedef int (*gaceta_curl_xferinfo_callback)(void *context, curl_off_t download_total, curl_off_t downloaded,
                                             curl_off_t upload_total, curl_off_t uploaded);
static inline CURLcode gaceta_curl_setopt_xferinfo_function(CURL *curl, gaceta_curl_xferinfo_callback callback) {
    return gaceta_libcurl()->curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, callback);
}
static inline CURLcode gaceta_curl_getinfo_long(CURL *curl, CURLINFO info, long *value) {
    return gaceta_libcurl()->curl_easy_getinfo(curl, info, value);
}
#undef gaceta_libcurl_table
#undef gaceta_libcurl_error
#endif
