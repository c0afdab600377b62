#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct cicu_breaker {
    UBreakIterator *iter;
    UText *text;
};

static void write_error(char *err, int32_t cap, UErrorCode status) {
    if (err != NULL && cap > 0) {
        strncpy(err, u_errorName(status), (size_t)cap - 1);
        err[cap - 1] = '\0';
    }
}

cicu_breaker *cicu_breaker_open(int kind, const char *locale, char *err, int32_t err_cap) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == CICU_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iter = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status) || iter == NULL) {
        write_error(err, err_cap, status);
        return NULL;
    }
    cicu_breaker *b = calloc(1, sizeof *b);
    if (b == NULL) {
        ubrk_close(iter);
        write_error(err, err_cap, U_MEMORY_ALLOCATION_ERROR);
        return NULL;
    }
    b->iter = iter;
    return b;
}

cicu_breaker *cicu_breaker_clone(const cicu_breaker *b) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iter = ubrk_clone(b->iter, &status);
    if (U_FAILURE(status) || iter == NULL) return NULL;
    cicu_breaker *copy = calloc(1, sizeof *copy);
    if (copy == NULL) {
        ubrk_close(iter);
        return NULL;
    }
    copy->iter = iter;
    return copy;
}

void cicu_breaker_close(cicu_breaker *b) {
    if (b == NULL) return;
    ubrk_close(b->iter);
    if (b->text != NULL) utext_close(b->text);
    free(b);
}

int cicu_breaker_set_text(cicu_breaker *b, const char *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    b->text = utext_openUTF8(b->text, utf8, length, &status);
    if (U_FAILURE(status)) return (int)status;
    ubrk_setUText(b->iter, b->text, &status);
    return U_FAILURE(status) ? (int)status : 0;
}

int64_t cicu_breaker_next(cicu_breaker *b) {
    int32_t next = ubrk_next(b->iter);
    if (next == UBRK_DONE) return -1;
    /* With a UTF-8 UText, break positions are native indexes: byte offsets. */
    return (int64_t)next;
}

int32_t cicu_breaker_rule_status(const cicu_breaker *b) {
    return ubrk_getRuleStatus(b->iter);
}

int32_t cicu_breaker_fill(cicu_breaker *b, int64_t *out, int32_t *statuses, int32_t cap) {
    int32_t n = 0;
    while (n < cap) {
        int32_t next = ubrk_next(b->iter);
        if (next == UBRK_DONE) break;
        out[n] = (int64_t)next;
        if (statuses != NULL) statuses[n] = ubrk_getRuleStatus(b->iter);
        n++;
    }
    return n;
}

const char *cicu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
    return buffer;
}
