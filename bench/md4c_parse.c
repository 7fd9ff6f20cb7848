/* md4c_parse: the floor under specgate check. Reads every *.md file below the given paths and
 * runs md4c over it (GitHub dialect, the flags specgate uses) with empty callbacks, one thread.
 * Prints the file count and bytes parsed. bench/compare times it beside specgate. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long files, bytes, blocks;
static char* buf;
static size_t cap;

static int on_block(MD_BLOCKTYPE t, void* d, void* u) {
  (void)t; (void)d; (void)u;
  ++blocks;
  return 0;
}
static int on_leave(MD_BLOCKTYPE t, void* d, void* u) { (void)t; (void)d; (void)u; return 0; }
static int on_span(MD_SPANTYPE t, void* d, void* u) { (void)t; (void)d; (void)u; return 0; }
static int on_text(MD_TEXTTYPE t, const MD_CHAR* x, MD_SIZE n, void* u) { (void)t; (void)x; (void)n; (void)u; return 0; }

static int parse_file(const char* path, const struct stat* st, int type, struct FTW* ftw) {
  (void)ftw;
  if (type != FTW_F || !S_ISREG(st->st_mode)) return 0;
  size_t len = strlen(path);
  if (len < 3 || strcmp(path + len - 3, ".md") != 0) return 0;
  FILE* f = fopen(path, "rb");
  if (!f) { perror(path); return 0; }
  size_t size = (size_t)st->st_size;
  if (size > cap) {
    cap = size * 2;
    buf = realloc(buf, cap);
    if (!buf) { fclose(f); return 1; }
  }
  size_t got = fread(buf, 1, size, f);
  fclose(f);
  MD_PARSER p;
  memset(&p, 0, sizeof p);
  p.flags = MD_DIALECT_GITHUB;
  p.enter_block = on_block;
  p.leave_block = on_leave;
  p.enter_span = on_span;
  p.leave_span = on_span;
  p.text = on_text;
  md_parse(buf, (MD_SIZE)got, &p, NULL);
  ++files;
  bytes += got;
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: md4c_parse PATH...\n");
    return 2;
  }
  for (int i = 1; i < argc; ++i) {
    if (nftw(argv[i], parse_file, 16, FTW_PHYS) != 0) {
      fprintf(stderr, "md4c_parse: cannot walk %s\n", argv[i]);
      return 2;
    }
  }
  printf("%llu files, %llu bytes, %llu blocks\n", files, bytes, blocks);
  free(buf);
  return 0;
}
