/* ICU floor: what any pipeline built on ICU segmentation must spend at least.
 *
 * For every *.txt file under DIR (recursively), one pass of ICU's English word break
 * iterator (counting word-like segments by rule status) and one pass of its sentence break
 * iterator, both over a UTF-8 UText on the file's bytes: no tokens are stored, nothing is
 * tagged or written. File reading is done before the clock starts and is not timed.
 *
 * Build: cc -O2 -o icu_floor bench/icu_floor.c -licuuc -licudata
 * Usage: icu_floor DIR
 * Prints one line: files=N bytes=N words=N sentences=N seconds=S mb_per_s=R icu=VERSION
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

static UBreakIterator *words_it, *sentences_it;
static long long n_files, n_bytes, n_words, n_sentences;
static double seconds;

static double clock_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, int64_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) { cap *= 2; data = realloc(data, cap); }
    }
    fclose(f);
    *length = (int64_t)len;
    return data;
}

static int visit(const char *path, const struct stat *sb, int type, struct FTW *ftw) {
    (void)sb; (void)ftw;
    size_t n = strlen(path);
    if (type != FTW_F || n < 4 || strcmp(path + n - 4, ".txt") != 0) return 0;
    int64_t length = 0;
    char *data = slurp(path, &length);
    if (!data) { perror(path); return 1; }
    UErrorCode status = U_ZERO_ERROR;
    double t0 = clock_now();
    UText *text = utext_openUTF8(NULL, data, length, &status);
    ubrk_setUText(words_it, text, &status);
    for (int32_t b = ubrk_next(words_it); b != UBRK_DONE; b = ubrk_next(words_it))
        if (ubrk_getRuleStatus(words_it) >= UBRK_WORD_NONE_LIMIT) n_words++;
    ubrk_setUText(sentences_it, text, &status);
    for (int32_t b = ubrk_next(sentences_it); b != UBRK_DONE; b = ubrk_next(sentences_it)) n_sentences++;
    utext_close(text);
    seconds += clock_now() - t0;
    if (U_FAILURE(status)) { fprintf(stderr, "%s: ICU error %s\n", path, u_errorName(status)); free(data); return 1; }
    n_files++;
    n_bytes += length;
    free(data);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: icu_floor DIR\n"); return 2; }
    UErrorCode status = U_ZERO_ERROR;
    words_it = ubrk_open(UBRK_WORD, "en", NULL, 0, &status);
    sentences_it = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "icu_floor: %s\n", u_errorName(status)); return 1; }
    if (nftw(argv[1], visit, 32, FTW_PHYS) != 0) return 1;
    if (seconds <= 0) seconds = 1e-9;
    printf("files=%lld bytes=%lld words=%lld sentences=%lld seconds=%.3f mb_per_s=%.2f icu=%s\n",
           n_files, n_bytes, n_words, n_sentences, seconds, (double)n_bytes / seconds / 1e6, U_ICU_VERSION);
    ubrk_close(words_it);
    ubrk_close(sentences_it);
    return 0;
}
