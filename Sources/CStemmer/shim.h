#ifndef GACETA_CSTEMMER_SHIM_H
#define GACETA_CSTEMMER_SHIM_H

/*
 * Snowball's Spanish stemmer alone, from libstemmer's static archive: libstemmer.h's sb_stemmer_new() looks a
 * language up in a table of all of them (29, and Latin-1 variants), which links every language's tables into the executable; in a
 * position-independent executable those ~10,000 relocated pointers cost every process 312 KB of private memory
 * (issue 21). These are the declarations of the Spanish module's own header (stem_UTF_8_spanish.h) and of
 * runtime/api.h, which libstemmer-dev does not install.
 */

/* Only the fields GacetaText reads: the word (p) and its length (l). Snowball 2.x and 3.x both begin the
 * structure so; the rest belongs to the library, which allocates it. */
struct SN_env {
    unsigned char *p;
    int c;
    int l;
};

extern struct SN_env *spanish_UTF_8_create_env(void);
extern void spanish_UTF_8_close_env(struct SN_env *z);
/* Stems the current word in place: < 0 on an error (out of memory). */
extern int spanish_UTF_8_stem(struct SN_env *z);
/* Copies `size` bytes of `s` in as the current word: non-zero when out of memory. */
extern int SN_set_current(struct SN_env *z, int size, const unsigned char *s);

#endif
