#ifndef GACETA_CSTEMMER_SHIM_H
#define GACETA_CSTEMMER_SHIM_H

#include <libstemmer.h>

#endif
