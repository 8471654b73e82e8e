#ifndef GACETACHAT_CCURL_SHIM_H
#define GACETACHAT_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt is variadic: Swift cannot call it, so one typed wrapper per argument kind. */
static inline CURLcode gaceta_curl_setopt_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode gaceta_curl_setopt_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode gaceta_curl_setopt_pointer(CURL *curl, CURLoption option, void *value) {
    return curl_easy_setopt(curl, option, value);
}
typedef size_t (*gaceta_curl_write_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode gaceta_curl_setopt_write_function(CURL *curl, gaceta_curl_write_callback callback) {
    return curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, callback);
}
static inline CURLcode gaceta_curl_getinfo_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}
#endif
