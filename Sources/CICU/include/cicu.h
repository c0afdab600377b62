#ifndef READOUT_CICU_H
#define READOUT_CICU_H

#include <stdint.h>

/* A plain-C view of ICU's break iterators. All offsets are UTF-8 byte offsets into the
 * buffer given to cicu_breaker_set_text; the buffer must outlive its use by the breaker.
 * No ICU type or enum appears in this header. */

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cicu_breaker cicu_breaker;

enum { CICU_SENTENCE = 0, CICU_WORD = 1 };

/* Word-break rule status ranges (ICU's UWordBreak), restated as plain values. */
enum {
    CICU_WORD_NONE = 0,     /* spaces, punctuation: [0, 100) */
    CICU_WORD_NUMBER = 100, /* [100, 200) */
    CICU_WORD_LETTER = 200, /* [200, 300) */
    CICU_WORD_KANA = 300,   /* [300, 400) */
    CICU_WORD_IDEO = 400    /* [400, 500) */
};

/* Opens a breaker of the given kind for a locale such as "en@ss=standard".
 * Returns NULL on failure and writes ICU's error name into err (if err is not NULL). */
cicu_breaker *cicu_breaker_open(int kind, const char *locale, char *err, int32_t err_cap);

/* A copy that can be used on another thread. NULL on failure. */
cicu_breaker *cicu_breaker_clone(const cicu_breaker *b);

void cicu_breaker_close(cicu_breaker *b);

/* Points the breaker at UTF-8 text (no copy). Returns 0 on success. */
int cicu_breaker_set_text(cicu_breaker *b, const char *utf8, int64_t length);

/* The next boundary after the current one, or -1 at the end. The first call after
 * set_text returns the first boundary after offset 0. */
int64_t cicu_breaker_next(cicu_breaker *b);

/* The rule status of the segment that ends at the boundary last returned. */
int32_t cicu_breaker_rule_status(const cicu_breaker *b);

/* Fills out[0..cap) with boundaries after start (exclusive) and returns how many were
 * written; fewer than cap means the end was reached. statuses may be NULL. */
int32_t cicu_breaker_fill(cicu_breaker *b, int64_t *out, int32_t *statuses, int32_t cap);

/* ICU's version, e.g. "72.1". */
const char *cicu_version(void);

/* Not ICU: asks the CPU to bring the cache line at p in, for the hash tables built while a
 * large lexicon loads (Swift has no prefetch of its own). */
static inline void cicu_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#ifdef __cplusplus
}
#endif

#endif
