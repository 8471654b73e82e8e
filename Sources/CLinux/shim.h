#ifndef GACETACHAT_CLINUX_SHIM_H
#define GACETACHAT_CLINUX_SHIM_H
/* Linux-only headers that Swift's Glibc module does not cover. */
#include <sys/epoll.h>
#endif
