#ifndef GACETACHAT_CFASTCGI_SHIM_H
#define GACETACHAT_CFASTCGI_SHIM_H
/* Debian's libfcgi-dev: the request-level API (FCGX_*). */
#include <fcgiapp.h>
#endif
