/* layering: rules over the paths of a scope (no capabilities needed): forbidden file names, folder depth, and a
 * selector that narrows a scope. An example of the C SDK (plugins/sdk/c/hie_plugin.h). */
#include <fnmatch.h>

#include "hie_plugin.h"

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* Fails when a file of the scope has a name matching the glob (e.g. tests living among the sources). */
static hie_result *no_name_matching(const hie_args *args) {
  const hie_value *scope = hie_arg_scope(args, 0);
  const char *glob = hie_arg_string(args, 1);
  if (!scope || !glob) return hie_error("usage: layering.no_name_matching(scope, 'glob')");
  hie_result *result = hie_pass();
  size_t found = 0;
  for (size_t i = 0; i < scope->count; ++i) {
    if (fnmatch(glob, base_name(scope->paths[i]), 0) != 0) continue;
    if (found++ == 0) result = hie_fail("a file name matches '%s' (first: %s)", glob, scope->paths[i]);
    hie_evidence(result, scope->paths[i], 0, "the name matches '%s'", glob);
  }
  hie_log(HIE_LOG_DEBUG, "no_name_matching: %zu of %zu file(s) match '%s'", found, scope->count, glob);
  return result;
}

/* Fails when a file of the scope is nested deeper than `depth` folders below the workspace root. */
static hie_result *max_depth(const hie_args *args) {
  const hie_value *scope = hie_arg_scope(args, 0);
  int64_t depth = 0;
  if (!scope || !hie_arg_int(args, 1, &depth) || depth < 0)
    return hie_error("usage: layering.max_depth(scope, depth), depth >= 0");
  hie_result *result = hie_pass();
  size_t deep = 0;
  for (size_t i = 0; i < scope->count; ++i) {
    int64_t folders = 0;
    for (const char *c = scope->paths[i]; *c; ++c) folders += *c == '/';
    if (folders <= depth) continue;
    if (deep++ == 0) result = hie_fail("%s is %lld folders deep (limit %lld)", scope->paths[i], (long long)folders,
                                       (long long)depth);
    hie_evidence(result, scope->paths[i], 0, "%lld folders deep", (long long)folders);
  }
  return result;
}

/* The files of the scope whose names match the glob. */
static hie_result *matching(const hie_args *args) {
  const hie_value *scope = hie_arg_scope(args, 0);
  const char *glob = hie_arg_string(args, 1);
  if (!scope || !glob) return hie_plugin_error("E057", "usage: layering.matching(scope, 'glob')");
  hie_result *result = hie_scope("Glob", glob);
  for (size_t i = 0; i < scope->count; ++i)
    if (fnmatch(glob, base_name(scope->paths[i]), 0) == 0) hie_scope_add(result, scope->paths[i]);
  return result;
}

HIE_PLUGIN("layering", "1.0.0", "Layering rules over the paths of a scope", "",
           HIE_CHECK(no_name_matching, "Fails when a file of the scope has a name matching the glob",
                     "layering.no_name_matching(src, '*_test.c')",
                     HIE_PARAM("scope", "scope", "the files to look at"),
                     HIE_PARAM("glob", "string", "a file-name glob (fnmatch), e.g. '*_test.c'")),
           HIE_CHECK(max_depth, "Fails when a file of the scope is nested deeper than the given number of folders",
                     "layering.max_depth(src, 3)", HIE_PARAM("scope", "scope", "the files to look at"),
                     HIE_PARAM("depth", "integer", "the largest number of folders above a file")),
           HIE_SELECTOR(matching, "scope", "The files of a scope whose names match a glob",
                        "layering.matching(src, '*.h')", HIE_PARAM("scope", "scope", "the files to narrow"),
                        HIE_PARAM("glob", "string", "a file-name glob (fnmatch)")))
