/* fopen_reader: counts lines with plain stdio. With fs = "read" the host pre-opens the workspace read-only, so
 * fopen("src/a.c") works like in any C program; without it fopen fails and the check says why. */
#include <errno.h>

#include "hie_plugin.h"

/* Fails when a file of the scope has more lines than the limit (the argument, else config `max_lines`). */
static hie_result *max_lines(const hie_args *args) {
  const hie_value *scope = hie_arg_scope(args, 0);
  int64_t limit = 0;
  if (!hie_arg_int(args, 1, &limit)) {
    const char *configured = hie_config_get("max_lines");
    limit = configured ? strtoll(configured, NULL, 10) : 0;
  }
  if (!scope || limit <= 0)
    return hie_error("usage: fopen_reader.max_lines(scope, limit), or set config = { max_lines = \"N\" }");
  hie_result *result = hie_pass();
  size_t failing = 0;
  for (size_t i = 0; i < scope->count; ++i) {
    FILE *file = fopen(scope->paths[i], "r");
    if (!file)
      return hie_error("cannot open %s: %s (the plugin needs capabilities = { fs = \"read\" })", scope->paths[i],
                       strerror(errno));
    int64_t lines = 0;
    int c, last = '\n';
    while ((c = getc(file)) != EOF) {
      lines += c == '\n';
      last = c;
    }
    lines += last != '\n';  /* a last line without a newline still counts */
    fclose(file);
    if (lines <= limit) continue;
    if (failing++ == 0)
      result = hie_fail("%s has %lld lines (limit %lld)", scope->paths[i], (long long)lines, (long long)limit);
    hie_evidence(result, scope->paths[i], (int)limit + 1, "line %lld is over the limit", (long long)limit + 1);
  }
  return result;
}

HIE_PLUGIN("fopen_reader", "1.0.0", "Line counts read with fopen (needs fs = \"read\")", "fs.read",
           HIE_CHECK(max_lines, "Fails when a file of the scope has more lines than the limit",
                     "fopen_reader.max_lines(src, 400)", HIE_PARAM("scope", "scope", "the files to measure"),
                     HIE_PARAM("limit", "integer", "the largest number of lines a file may have")),
           HIE_CHECK(max_lines, "Like max_lines(scope, limit), with the limit from config = { max_lines = \"N\" }",
                     "fopen_reader.max_lines(src)", HIE_PARAM("scope", "scope", "the files to measure")))
