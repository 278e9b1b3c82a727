/* hie_plugin.h: the C SDK for hie WASM plugins (ABI v1, PLUGINS.md §3), as a single header.
 *
 * A plugin is one C file that includes this header once, writes its selectors and checks as functions
 * `hie_result *fn(const hie_args *args)`, and lists them with HIE_PLUGIN:
 *
 *     #include "hie_plugin.h"
 *
 *     static hie_result *not_empty(const hie_args *args) {
 *       const hie_value *scope = hie_arg_scope(args, 0);
 *       if (!scope) return hie_error("argument 1 must be a scope");
 *       return scope->count > 0 ? hie_pass() : hie_fail("the scope has no files");
 *     }
 *
 *     HIE_PLUGIN("demo", "1.0.0", "A demonstration plugin", "",
 *                HIE_CHECK(not_empty, "Passes when the scope has at least one file", "demo.not_empty(src)",
 *                          HIE_PARAM("scope", "scope", "the files")))
 *
 * Build: clang --target=wasm32-wasi -O2 -mexec-model=reactor -mbulk-memory -Wl,--stack-first -o demo.wasm demo.c
 *
 * The header defines the exports (`hie_abi_version`, `alloc`, `dealloc`, `library_describe`, `library_call`,
 * `library_check`; `memory` and `_initialize` come from wasi-libc), a JSON reader for the arguments, builders for
 * the results, and wrappers of the host imports (module "hie"). Memory: everything the SDK hands out (parsed
 * arguments, strings, results, file contents) lives in a per-call arena that is released when the next call
 * starts, so plugin code never frees anything it got from `hie_*`. Running out of memory traps (the host reports
 * the call as an error and starts a fresh instance). Include this header in exactly one C file per plugin.
 */
#ifndef HIE_PLUGIN_H
#define HIE_PLUGIN_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef __wasm__
#error "hie_plugin.h builds WebAssembly plugins: compile with clang --target=wasm32-wasi"
#endif

#define HIE_ABI_VERSION 1

/* wasi-libc declares errno _Thread_local but builds it as a plain global. With -mbulk-memory clang 14 keeps the
 * thread-local access and then fails ("only -ftls-model=local-exec is supported"), so errno is used here as what
 * it is: the plain global symbol `errno`. */
extern int hie__libc_errno __asm__("errno");
#undef errno
#define errno hie__libc_errno

/* ------------------------------------------------------------------------------------------------------------ */
/* Public types                                                                                                 */
/* ------------------------------------------------------------------------------------------------------------ */

/* A parsed JSON document node (any JSON the host sends or returns). */
typedef enum { HIE_JSON_NULL, HIE_JSON_BOOL, HIE_JSON_NUMBER, HIE_JSON_STRING, HIE_JSON_ARRAY, HIE_JSON_OBJECT } hie_json_type;

typedef struct hie_json {
  hie_json_type type;
  bool boolean;
  bool is_integer;       /* a number written without fraction or exponent that fits in int64 */
  int64_t integer;
  double number;
  const char *string;    /* NUL-terminated (may also contain NULs: use length) */
  size_t length;         /* string length in bytes; number of items of an array or object */
  const char *key;       /* the member name when this node is an object member */
  struct hie_json *first; /* first item / member */
  struct hie_json *next;  /* next sibling */
} hie_json;

/* An argument value (PLUGINS.md §2), decoded from its tagged JSON form. */
typedef enum { HIE_NULL, HIE_BOOL, HIE_INT, HIE_FLOAT, HIE_STRING, HIE_LIST, HIE_SCOPE, HIE_OTHER } hie_kind;

typedef struct hie_value {
  hie_kind kind;
  bool boolean;
  int64_t integer;
  double number;          /* HIE_FLOAT, and HIE_INT converted */
  const char *string;     /* HIE_STRING */
  size_t length;          /* HIE_STRING: bytes */
  struct hie_value *items; /* HIE_LIST: the items */
  const char **paths;     /* HIE_SCOPE: workspace-relative paths, sorted, as the host sent them */
  size_t count;           /* HIE_LIST: items; HIE_SCOPE: paths */
  const char *scope_kind; /* HIE_SCOPE: "File", "Folder", "Glob" (or another tag the host added) */
  const char *scope_arg;  /* HIE_SCOPE: the selector argument */
  bool resolved;          /* HIE_SCOPE */
  const hie_json *json;   /* the value as sent, for keys this SDK does not decode (e.g. "language") */
} hie_value;

typedef struct hie_args {
  const char *function;   /* the function called */
  const char *workspace;  /* the workspace as the plugin sees it ("."): paths are relative to it */
  const hie_value *items;
  size_t count;
} hie_args;

/* What a selector or check returns: build it with the functions below. */
typedef struct hie_result hie_result;
typedef hie_result *(*hie_function_ptr)(const hie_args *args);

typedef struct hie_param {
  const char *name;
  const char *type;       /* scope, string, integer, number, boolean, list, any */
  const char *description;
} hie_param;

typedef enum { HIE_SELECTOR_KIND, HIE_CHECK_KIND } hie_function_kind;

typedef struct hie_function {
  const char *name;
  hie_function_kind kind;
  const char *return_type;
  const char *description;
  const char *example;
  const hie_param *params; /* params[0] is a sentinel (see HIE_CHECK); the parameters are params[1..param_count] */
  size_t param_count;
  hie_function_ptr fn;
} hie_function;

typedef struct hie_plugin {
  const char *name;
  const char *version;
  const char *description;
  const char *capabilities; /* comma-separated, e.g. "fs.read" or "" */
  const hie_function *functions;
  size_t function_count;
} hie_plugin;

/* Status codes of the host imports (PLUGINS.md §3). */
enum {
  HIE_OK = 0,
  HIE_DENIED = -1,     /* the capability is not granted, or the path leaves the workspace */
  HIE_NOT_FOUND = -2,
  HIE_TOO_LARGE = -3,
  HIE_IO_ERROR = -4,
  HIE_BAD_JSON = -100  /* SDK: the host's answer was not valid JSON */
};

/* Log levels for hie_log (shown with `hie -v` and in the check's details). */
enum { HIE_LOG_DEBUG = 0, HIE_LOG_INFO = 1, HIE_LOG_WARNING = 2, HIE_LOG_ERROR = 3 };

/* ------------------------------------------------------------------------------------------------------------ */
/* Registration                                                                                                 */
/* ------------------------------------------------------------------------------------------------------------ */

#define HIE_PARAM(name, type, description) {name, type, description}

/* The leading {0} is a sentinel so that a function without parameters is still a valid array. */
#define HIE__PARAMS(...) ((const hie_param[]){{0, 0, 0}, __VA_ARGS__})
#define HIE__PARAM_COUNT(...) (sizeof(HIE__PARAMS(__VA_ARGS__)) / sizeof(hie_param) - 1)

/* A check: returns hie_pass() / hie_fail(...) / hie_error(...). */
#define HIE_CHECK(fn, description, example, ...) \
  {#fn, HIE_CHECK_KIND, "", description, example, HIE__PARAMS(__VA_ARGS__), HIE__PARAM_COUNT(__VA_ARGS__), fn}

/* A selector: returns a value (usually hie_scope(...)); return_type is e.g. "scope". */
#define HIE_SELECTOR(fn, return_type, description, example, ...) \
  {#fn, HIE_SELECTOR_KIND, return_type, description, example, HIE__PARAMS(__VA_ARGS__), \
   HIE__PARAM_COUNT(__VA_ARGS__), fn}

/* Declares the plugin: its name, version, description, the capabilities it needs ("fs.read", comma-separated,
 * reported at load time when the configuration does not grant them) and its functions. */
#define HIE_PLUGIN(name, version, description, capabilities, ...)                                                   \
  static const hie_function hie__functions[] = {__VA_ARGS__};                                                      \
  const hie_plugin hie_plugin_definition = {name, version, description, capabilities, hie__functions,             \
                                            sizeof(hie__functions) / sizeof(hie__functions[0])};

extern const hie_plugin hie_plugin_definition;

/* ------------------------------------------------------------------------------------------------------------ */
/* Host imports (module "hie"); prefer the wrappers further down                                                */
/* ------------------------------------------------------------------------------------------------------------ */

#define HIE__IMPORT(name) __attribute__((import_module("hie"), import_name(name)))

HIE__IMPORT("log") void hie_import_log(int32_t level, const char *ptr, int32_t len);
HIE__IMPORT("config_get") int64_t hie_import_config_get(const char *key, int32_t key_len, char *buf, int32_t cap);
HIE__IMPORT("read_file") int64_t hie_import_read_file(const char *path, int32_t path_len, char *buf, int32_t cap);
HIE__IMPORT("list_dir") int64_t hie_import_list_dir(const char *path, int32_t path_len, char *buf, int32_t cap);
HIE__IMPORT("host_call")
int64_t hie_import_host_call(const char *method, int32_t method_len, const char *args, int32_t args_len, char *buf,
                             int32_t cap);

/* ------------------------------------------------------------------------------------------------------------ */
/* Per-call arena                                                                                               */
/* ------------------------------------------------------------------------------------------------------------ */

typedef struct hie__block {
  struct hie__block *next;
  size_t used, size;
  max_align_t data[];
} hie__block;

static hie__block *hie__arena;

static inline void *hie__oom(void) {
  static const char message[] = "hie plugin: out of memory";
  hie_import_log(HIE_LOG_ERROR, message, (int32_t)(sizeof message - 1));
  __builtin_trap();
}

/* Memory that lives until the next call into the plugin starts. Never returns NULL (traps instead). */
static inline void *hie_alloc(size_t size) {
  size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
  if (!hie__arena || hie__arena->size - hie__arena->used < size) {
    size_t block = size > 60000 ? size : 60000;
    hie__block *b = (hie__block *)malloc(sizeof(hie__block) + block);
    if (!b) return hie__oom();
    b->next = hie__arena;
    b->used = 0;
    b->size = block;
    hie__arena = b;
  }
  void *p = (char *)hie__arena->data + hie__arena->used;
  hie__arena->used += size;
  return p;
}

static inline void hie__arena_reset(void) {
  while (hie__arena) {
    hie__block *next = hie__arena->next;
    free(hie__arena);
    hie__arena = next;
  }
}

static inline char *hie_strndup(const char *s, size_t n) {
  char *copy = (char *)hie_alloc(n + 1);
  memcpy(copy, s, n);
  copy[n] = '\0';
  return copy;
}

/* printf into the arena. */
static inline char *hie_vformat(const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0) return hie_strndup("", 0);
  char *out = (char *)hie_alloc((size_t)n + 1);
  vsnprintf(out, (size_t)n + 1, fmt, ap);
  return out;
}

__attribute__((format(printf, 1, 2))) static inline char *hie_format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *out = hie_vformat(fmt, ap);
  va_end(ap);
  return out;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* JSON writer                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

typedef struct hie_buf {
  char *data;
  size_t len, cap;
} hie_buf;

static inline void hie_buf_append(hie_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + n + 1) cap *= 2;
    char *data = (char *)hie_alloc(cap);
    if (b->len) memcpy(data, b->data, b->len);
    b->data = data;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static inline void hie_buf_puts(hie_buf *b, const char *s) { hie_buf_append(b, s, strlen(s)); }

/* A JSON string literal: quotes, escapes for quotes, backslashes and control characters; UTF-8 passes through. */
static inline void hie_buf_json_string(hie_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  hie_buf_append(b, "\"", 1);
  size_t start = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    hie_buf_append(b, s + start, i - start);
    start = i + 1;
    char esc[7] = {'\\', (char)c, 0};
    size_t len = 2;
    if (c == '\n') esc[1] = 'n';
    else if (c == '\t') esc[1] = 't';
    else if (c == '\r') esc[1] = 'r';
    else if (c < 0x20) {
      esc[1] = 'u', esc[2] = '0', esc[3] = '0', esc[4] = hex[c >> 4], esc[5] = hex[c & 15];
      len = 6;
    }
    hie_buf_append(b, esc, len);
  }
  hie_buf_append(b, s + start, n - start);
  hie_buf_append(b, "\"", 1);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* JSON reader                                                                                                  */
/* ------------------------------------------------------------------------------------------------------------ */

typedef struct {
  const char *p, *end;
  int depth;
} hie__reader;

static inline void hie__skip_ws(hie__reader *r) {
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) ++r->p;
}

static inline int hie__hex4(const char *p) {
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= c - '0';
    else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
    else return -1;
  }
  return v;
}

static inline void hie__put_utf8(hie_buf *b, uint32_t cp) {
  char out[4];
  size_t n;
  if (cp < 0x80) out[0] = (char)cp, n = 1;
  else if (cp < 0x800) out[0] = (char)(0xC0 | (cp >> 6)), out[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  else if (cp < 0x10000)
    out[0] = (char)(0xE0 | (cp >> 12)), out[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
    out[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  else
    out[0] = (char)(0xF0 | (cp >> 18)), out[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), out[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  hie_buf_append(b, out, n);
}

/* Reads a string literal (r->p at the opening quote) into `out`. */
static inline bool hie__read_string(hie__reader *r, hie_buf *out) {
  ++r->p;
  hie_buf_append(out, "", 0);
  while (r->p < r->end) {
    const char *run = r->p;
    while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (unsigned char)*r->p >= 0x20) ++r->p;
    hie_buf_append(out, run, (size_t)(r->p - run));
    if (r->p >= r->end || (unsigned char)*r->p < 0x20) return false;
    if (*r->p == '"') {
      ++r->p;
      return true;
    }
    if (r->end - r->p < 2) return false;
    char e = r->p[1];
    r->p += 2;
    const char *simple = strchr("\"\\/bfnrt", e);
    if (e && simple) {
      static const char decoded[] = "\"\\/\b\f\n\r\t";
      hie_buf_append(out, &decoded[simple - "\"\\/bfnrt"], 1);
      continue;
    }
    if (e != 'u' || r->end - r->p < 4) return false;
    int cp = hie__hex4(r->p);
    if (cp < 0) return false;
    r->p += 4;
    if (cp >= 0xD800 && cp < 0xDC00 && r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u') {
      int low = hie__hex4(r->p + 2);
      if (low >= 0xDC00 && low < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        r->p += 6;
      }
    }
    hie__put_utf8(out, (uint32_t)cp);
  }
  return false;
}

static inline hie_json *hie__read_value(hie__reader *r);

static inline bool hie__literal(hie__reader *r, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0) return false;
  r->p += n;
  return true;
}

static inline hie_json *hie__read_number(hie__reader *r, hie_json *node) {
  const char *start = r->p;
  bool integral = true;
  if (r->p < r->end && *r->p == '-') ++r->p;
  if (r->p >= r->end || *r->p < '0' || *r->p > '9') return NULL;
  while (r->p < r->end && ((*r->p >= '0' && *r->p <= '9') || *r->p == '.' || *r->p == 'e' || *r->p == 'E' ||
                           *r->p == '+' || *r->p == '-')) {
    if (*r->p == '.' || *r->p == 'e' || *r->p == 'E') integral = false;
    ++r->p;
  }
  char *text = hie_strndup(start, (size_t)(r->p - start));
  char *stop = NULL;
  node->type = HIE_JSON_NUMBER;
  node->number = strtod(text, &stop);
  if (*stop != '\0') return NULL;
  if (integral && node->number >= -9.2e18 && node->number <= 9.2e18) {
    node->is_integer = true;
    node->integer = strtoll(text, NULL, 10);
  }
  return node;
}

static inline hie_json *hie__read_container(hie__reader *r, hie_json *node, char close) {
  node->type = close == ']' ? HIE_JSON_ARRAY : HIE_JSON_OBJECT;
  if (++r->depth > 200) return NULL;
  ++r->p;
  hie_json **tail = &node->first;
  hie__skip_ws(r);
  if (r->p < r->end && *r->p == close) {
    ++r->p;
    --r->depth;
    return node;
  }
  for (;;) {
    const char *key = NULL;
    hie__skip_ws(r);
    if (close == '}') {
      hie_buf name = {0};
      if (r->p >= r->end || *r->p != '"' || !hie__read_string(r, &name)) return NULL;
      key = name.data;
      hie__skip_ws(r);
      if (r->p >= r->end || *r->p++ != ':') return NULL;
    }
    hie_json *item = hie__read_value(r);
    if (!item) return NULL;
    item->key = key;
    *tail = item;
    tail = &item->next;
    ++node->length;
    hie__skip_ws(r);
    if (r->p < r->end && *r->p == ',') {
      ++r->p;
      continue;
    }
    if (r->p < r->end && *r->p == close) {
      ++r->p;
      --r->depth;
      return node;
    }
    return NULL;
  }
}

static inline hie_json *hie__read_value(hie__reader *r) {
  hie__skip_ws(r);
  if (r->p >= r->end) return NULL;
  hie_json *node = (hie_json *)hie_alloc(sizeof(hie_json));
  memset(node, 0, sizeof *node);
  char c = *r->p;
  if (c == '{') return hie__read_container(r, node, '}');
  if (c == '[') return hie__read_container(r, node, ']');
  if (c == '"') {
    hie_buf text = {0};
    if (!hie__read_string(r, &text)) return NULL;
    node->type = HIE_JSON_STRING;
    node->string = text.data;
    node->length = text.len;
    return node;
  }
  if (hie__literal(r, "true")) return node->type = HIE_JSON_BOOL, node->boolean = true, node;
  if (hie__literal(r, "false")) return node->type = HIE_JSON_BOOL, node;
  if (hie__literal(r, "null")) return node->type = HIE_JSON_NULL, node;
  return hie__read_number(r, node);
}

/* Parses JSON text; NULL when it is not one valid JSON value. */
static inline hie_json *hie_json_parse(const char *text, size_t len) {
  hie__reader r = {text, text + len, 0};
  hie_json *value = hie__read_value(&r);
  hie__skip_ws(&r);
  return value && r.p == r.end ? value : NULL;
}

/* The member `key` of an object, or NULL. */
static inline const hie_json *hie_json_get(const hie_json *object, const char *key) {
  if (!object || object->type != HIE_JSON_OBJECT) return NULL;
  for (const hie_json *m = object->first; m; m = m->next)
    if (strcmp(m->key, key) == 0) return m;
  return NULL;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Argument values                                                                                              */
/* ------------------------------------------------------------------------------------------------------------ */

static inline bool hie__decode(const hie_json *j, hie_value *v);

static inline bool hie__decode_scope(const hie_json *s, hie_value *v) {
  if (!s || s->type != HIE_JSON_OBJECT) return false;
  v->kind = HIE_SCOPE;
  v->scope_kind = "File";
  v->scope_arg = "";
  const hie_json *kind = hie_json_get(s, "kind");
  if (kind && kind->type == HIE_JSON_OBJECT && kind->first) {
    v->scope_kind = kind->first->key;
    if (kind->first->type == HIE_JSON_STRING) v->scope_arg = kind->first->string;
  }
  const hie_json *resolved = hie_json_get(s, "resolved");
  v->resolved = resolved && resolved->type == HIE_JSON_BOOL && resolved->boolean;
  const hie_json *paths = hie_json_get(s, "paths");
  if (!paths) return true;
  if (paths->type != HIE_JSON_ARRAY) return false;
  v->paths = (const char **)hie_alloc(sizeof(char *) * (paths->length + 1));
  for (const hie_json *p = paths->first; p; p = p->next) {
    if (p->type != HIE_JSON_STRING) return false;
    v->paths[v->count++] = p->string;
  }
  return true;
}

static inline bool hie__decode_list(const hie_json *a, hie_value *v) {
  if (!a || a->type != HIE_JSON_ARRAY) return false;
  v->kind = HIE_LIST;
  v->items = (hie_value *)hie_alloc(sizeof(hie_value) * (a->length + 1));
  for (const hie_json *item = a->first; item; item = item->next)
    if (!hie__decode(item, &v->items[v->count++])) return false;
  return true;
}

/* Tagged values ({"String":..}, {"Int":..}, ...) and, leniently, raw JSON. */
static inline bool hie__decode(const hie_json *j, hie_value *v) {
  memset(v, 0, sizeof *v);
  v->json = j;
  switch (j->type) {
    case HIE_JSON_NULL: v->kind = HIE_NULL; return true;
    case HIE_JSON_BOOL: v->kind = HIE_BOOL, v->boolean = j->boolean; return true;
    case HIE_JSON_STRING: v->kind = HIE_STRING, v->string = j->string, v->length = j->length; return true;
    case HIE_JSON_NUMBER:
      v->kind = j->is_integer ? HIE_INT : HIE_FLOAT, v->integer = j->integer, v->number = j->number;
      return true;
    case HIE_JSON_ARRAY: return hie__decode_list(j, v);
    case HIE_JSON_OBJECT: break;
  }
  const hie_json *tag = j->first;
  if (!tag) return v->kind = HIE_OTHER, true;
  if (strcmp(tag->key, "String") == 0 && tag->type == HIE_JSON_STRING)
    return v->kind = HIE_STRING, v->string = tag->string, v->length = tag->length, true;
  if (strcmp(tag->key, "Int") == 0 && tag->type == HIE_JSON_NUMBER)
    return v->kind = HIE_INT, v->integer = tag->is_integer ? tag->integer : (int64_t)tag->number,
           v->number = tag->number, true;
  if (strcmp(tag->key, "Float") == 0 && tag->type == HIE_JSON_NUMBER)
    return v->kind = HIE_FLOAT, v->number = tag->number, true;
  if (strcmp(tag->key, "Bool") == 0 && tag->type == HIE_JSON_BOOL)
    return v->kind = HIE_BOOL, v->boolean = tag->boolean, true;
  if (strcmp(tag->key, "List") == 0) return hie__decode_list(tag, v);
  if (strcmp(tag->key, "Scope") == 0) return hie__decode_scope(tag, v);
  v->kind = HIE_OTHER;
  return true;
}

/* Argument `i` (0-based) if it has the kind wanted, else NULL / false. */
static inline const hie_value *hie_arg(const hie_args *args, size_t i, hie_kind kind) {
  return i < args->count && args->items[i].kind == kind ? &args->items[i] : NULL;
}
static inline const hie_value *hie_arg_scope(const hie_args *args, size_t i) { return hie_arg(args, i, HIE_SCOPE); }
static inline const hie_value *hie_arg_list(const hie_args *args, size_t i) { return hie_arg(args, i, HIE_LIST); }
static inline const char *hie_arg_string(const hie_args *args, size_t i) {
  const hie_value *v = hie_arg(args, i, HIE_STRING);
  return v ? v->string : NULL;
}
static inline bool hie_arg_int(const hie_args *args, size_t i, int64_t *out) {
  const hie_value *v = hie_arg(args, i, HIE_INT);
  if (v) *out = v->integer;
  return v != NULL;
}
static inline bool hie_arg_bool(const hie_args *args, size_t i, bool *out) {
  const hie_value *v = hie_arg(args, i, HIE_BOOL);
  if (v) *out = v->boolean;
  return v != NULL;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Results                                                                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

struct hie_result {
  hie_buf json;     /* the value, or the start of a check result object without its closing brace */
  hie_buf evidence; /* check results: the evidence items, comma-separated */
  int shape;        /* 0 complete value, 1 check result (close with evidence), 2 open list, 3 open scope */
};

static inline hie_result *hie__result(int shape) {
  hie_result *r = (hie_result *)hie_alloc(sizeof(hie_result));
  memset(r, 0, sizeof *r);
  r->shape = shape;
  return r;
}

static inline hie_result *hie__check(const char *tag, const char *message) {
  hie_result *r = hie__result(1);
  hie_buf_puts(&r->json, "{\"");
  hie_buf_puts(&r->json, tag);
  hie_buf_puts(&r->json, "\":");
  if (message) hie_buf_json_string(&r->json, message, strlen(message));
  else hie_buf_puts(&r->json, "null");
  return r;
}

/* Check results. */
static inline hie_result *hie_pass(void) { return hie__check("Pass", NULL); }

__attribute__((format(printf, 1, 2))) static inline hie_result *hie_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  hie_result *r = hie__check("Fail", hie_vformat(fmt, ap));
  va_end(ap);
  return r;
}

__attribute__((format(printf, 1, 2))) static inline hie_result *hie_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  hie_result *r = hie__check("Error", hie_vformat(fmt, ap));
  va_end(ap);
  return r;
}

/* Points a check result at code: `line` is 1-based, 0 for the whole file. */
__attribute__((format(printf, 4, 5))) static inline void hie_evidence(hie_result *r, const char *file, int line,
                                                                      const char *fmt, ...) {
  if (r->evidence.len) hie_buf_puts(&r->evidence, ",");
  va_list ap;
  va_start(ap, fmt);
  const char *message = hie_vformat(fmt, ap);
  va_end(ap);
  hie_buf_puts(&r->evidence, "{\"file\":");
  hie_buf_json_string(&r->evidence, file, strlen(file));
  hie_buf_puts(&r->evidence, hie_format(",\"line\":%d,\"message\":", line));
  hie_buf_json_string(&r->evidence, message, strlen(message));
  hie_buf_puts(&r->evidence, "}");
}

/* The complete JSON text of a result. */
static inline const char *hie__finish(const hie_result *r) {
  hie_buf out = {0};
  hie_buf_append(&out, r->json.data, r->json.len);
  if (r->shape == 1 && r->evidence.len) {
    hie_buf_puts(&out, ",\"evidence\":[");
    hie_buf_append(&out, r->evidence.data, r->evidence.len);
    hie_buf_puts(&out, "]");
  }
  if (r->shape == 1) hie_buf_puts(&out, "}");
  if (r->shape == 2) hie_buf_puts(&out, "]}");
  if (r->shape == 3) hie_buf_puts(&out, "],\"resolved\":true}}");
  return out.data;
}

/* Selector values. */
static inline hie_result *hie_raw_json(const char *json) {
  hie_result *r = hie__result(0);
  hie_buf_puts(&r->json, json);
  return r;
}
static inline hie_result *hie_null(void) { return hie_raw_json("null"); }
static inline hie_result *hie_bool(bool b) { return hie_raw_json(b ? "true" : "false"); }
static inline hie_result *hie_int(int64_t i) { return hie_raw_json(hie_format("{\"Int\":%lld}", (long long)i)); }
static inline hie_result *hie_float(double f) {
  return f == f && f - f == 0 ? hie_raw_json(hie_format("{\"Float\":%.17g}", f)) : hie_null();
}
static inline hie_result *hie_string(const char *s) {
  hie_result *r = hie__result(0);
  hie_buf_puts(&r->json, "{\"String\":");
  hie_buf_json_string(&r->json, s, strlen(s));
  hie_buf_puts(&r->json, "}");
  return r;
}

/* A list: create it, then hie_list_push each item (a value result). */
static inline hie_result *hie_list(void) {
  hie_result *r = hie__result(2);
  hie_buf_puts(&r->json, "{\"List\":[");
  return r;
}
static inline void hie_list_push(hie_result *list, const hie_result *item) {
  if (list->json.data[list->json.len - 1] != '[') hie_buf_puts(&list->json, ",");
  hie_buf_puts(&list->json, hie__finish(item));
}

/* A scope: kind is "File", "Folder" or "Glob", arg the selector argument; then hie_scope_add each path
 * (workspace-relative). */
static inline hie_result *hie_scope(const char *kind, const char *arg) {
  hie_result *r = hie__result(3);
  hie_buf_puts(&r->json, "{\"Scope\":{\"kind\":{");
  hie_buf_json_string(&r->json, kind, strlen(kind));
  hie_buf_puts(&r->json, ":");
  hie_buf_json_string(&r->json, arg, strlen(arg));
  hie_buf_puts(&r->json, "},\"paths\":[");
  return r;
}
static inline void hie_scope_add(hie_result *scope, const char *path) {
  if (scope->json.data[scope->json.len - 1] != '[') hie_buf_puts(&scope->json, ",");
  hie_buf_json_string(&scope->json, path, strlen(path));
}

/* A library error with a code of the plugin's choosing (shown as the check's error). */
__attribute__((format(printf, 2, 3))) static inline hie_result *hie_plugin_error(const char *code, const char *fmt,
                                                                                 ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *message = hie_vformat(fmt, ap);
  va_end(ap);
  hie_result *r = hie__result(0);
  hie_buf_puts(&r->json, "{\"error\":{\"code\":");
  hie_buf_json_string(&r->json, code, strlen(code));
  hie_buf_puts(&r->json, ",\"message\":");
  hie_buf_json_string(&r->json, message, strlen(message));
  hie_buf_puts(&r->json, "}}");
  return r;
}


/* ------------------------------------------------------------------------------------------------------------ */
/* Host services                                                                                                */
/* ------------------------------------------------------------------------------------------------------------ */

/* A message for `hie -v` and the check's details. */
__attribute__((format(printf, 2, 3))) static inline void hie_log(int level, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *message = hie_vformat(fmt, ap);
  va_end(ap);
  hie_import_log(level, message, (int32_t)strlen(message));
}

/* The two-call pattern: try a buffer, and when the answer is larger, ask again with the full size. Returns the
 * length, or a negative status. */
typedef int64_t (*hie__fetch_fn)(const char *, int32_t, char *, int32_t);
static inline int64_t hie__fetch(hie__fetch_fn fetch, const char *name, char **out) {
  int32_t cap = 4096;
  for (int attempt = 0; attempt < 3; ++attempt) {
    char *buf = (char *)hie_alloc((size_t)cap + 1);
    int64_t size = fetch(name, (int32_t)strlen(name), buf, cap);
    if (size < 0) return size;
    if (size <= cap) {
      buf[size] = '\0';
      *out = buf;
      return size;
    }
    if (size > INT32_MAX - 1) return HIE_TOO_LARGE;
    cap = (int32_t)size;  /* the file may grow between the calls: try again */
  }
  return HIE_IO_ERROR;
}

/* The value of `key` from the library's `config = {…}`, or NULL. */
static inline const char *hie_config_get(const char *key) {
  char *value = NULL;
  return hie__fetch(hie_import_config_get, key, &value) >= 0 ? value : NULL;
}

/* Reads a workspace-relative file (needs fs = "read"). Returns its size and sets *contents (NUL-terminated), or a
 * negative status: HIE_DENIED, HIE_NOT_FOUND, HIE_TOO_LARGE, HIE_IO_ERROR. */
static inline int64_t hie_read_file(const char *path, const char **contents) {
  char *data = NULL;
  int64_t size = hie__fetch(hie_import_read_file, path, &data);
  *contents = data;
  return size;
}

/* The entries of a workspace-relative directory (needs fs = "read"): a JSON array of names (strings, sorted;
 * directory names end with '/'). Returns the number of entries and sets *entries, or a negative status. */
static inline int64_t hie_list_dir(const char *path, const hie_json **entries) {
  char *text = NULL;
  int64_t size = hie__fetch(hie_import_list_dir, path, &text);
  *entries = NULL;
  if (size < 0) return size;
  const hie_json *array = hie_json_parse(text, (size_t)size);
  if (!array || array->type != HIE_JSON_ARRAY) return HIE_BAD_JSON;
  *entries = array;
  return (int64_t)array->length;
}

/* Calls another library's selector or check through the host ("files.folder_selector"), with the arguments as a
 * JSON array of tagged values (§2), e.g. "[{\"String\":\"src\"}]". The library must be listed in the
 * configuration's capabilities.libraries. Returns 0 and the parsed answer, or a negative status. */
static inline int64_t hie_host_call(const char *method, const char *args_json, const hie_json **result) {
  *result = NULL;
  int32_t cap = 4096;
  for (int attempt = 0; attempt < 3; ++attempt) {
    char *buf = (char *)hie_alloc((size_t)cap + 1);
    int64_t size = hie_import_host_call(method, (int32_t)strlen(method), args_json, (int32_t)strlen(args_json),
                                        buf, cap);
    if (size < 0) return size;
    if (size <= cap) {
      *result = hie_json_parse(buf, (size_t)size);
      return *result ? HIE_OK : HIE_BAD_JSON;
    }
    if (size > INT32_MAX - 1) return HIE_TOO_LARGE;
    cap = (int32_t)size;
  }
  return HIE_IO_ERROR;
}

/* A short text for a negative status. */
static inline const char *hie_status_text(int64_t status) {
  switch (status) {
    case HIE_DENIED: return "access denied (capability not granted, or the path leaves the workspace)";
    case HIE_NOT_FOUND: return "not found";
    case HIE_TOO_LARGE: return "too large";
    case HIE_IO_ERROR: return "I/O error";
    case HIE_BAD_JSON: return "the host's answer is not valid JSON";
    default: return status >= 0 ? "ok" : "unknown status";
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* ABI v1 exports                                                                                               */
/* ------------------------------------------------------------------------------------------------------------ */

#define HIE__EXPORT(name) __attribute__((export_name(name), visibility("default")))

HIE__EXPORT("hie_abi_version") int32_t hie_abi_version(void) { return HIE_ABI_VERSION; }

/* The host's allocator for inputs (freed by the host with dealloc after the call) and to free outputs. */
HIE__EXPORT("alloc") void *hie_export_alloc(int32_t size) { return malloc(size > 0 ? (size_t)size : 1); }
HIE__EXPORT("dealloc") void hie_export_dealloc(void *ptr, int32_t size) {
  (void)size;
  free(ptr);
}

/* Copies the text out of the arena into a malloc'd buffer the host frees, and packs (ptr << 32) | len. */
static inline int64_t hie__answer(const char *json) {
  size_t len = strlen(json);
  char *out = (char *)malloc(len ? len : 1);
  if (!out) hie__oom();
  memcpy(out, json, len);
  return (int64_t)(((uint64_t)(uintptr_t)out << 32) | (uint64_t)len);
}

HIE__EXPORT("library_describe") int64_t hie_library_describe(void) {
  hie__arena_reset();
  const hie_plugin *p = &hie_plugin_definition;
  hie_buf b = {0};
  hie_buf_puts(&b, "{\"name\":");
  hie_buf_json_string(&b, p->name, strlen(p->name));
  hie_buf_puts(&b, ",\"version\":");
  hie_buf_json_string(&b, p->version, strlen(p->version));
  hie_buf_puts(&b, ",\"description\":");
  hie_buf_json_string(&b, p->description, strlen(p->description));
  hie_buf_puts(&b, ",\"functions\":[");
  for (size_t i = 0; i < p->function_count; ++i) {
    const hie_function *f = &p->functions[i];
    hie_buf_puts(&b, i ? ",{\"name\":" : "{\"name\":");
    hie_buf_json_string(&b, f->name, strlen(f->name));
    hie_buf_puts(&b, f->kind == HIE_CHECK_KIND ? ",\"kind\":\"check\",\"description\":"
                                                : ",\"kind\":\"selector\",\"description\":");
    hie_buf_json_string(&b, f->description, strlen(f->description));
    hie_buf_puts(&b, ",\"parameters\":[");
    for (size_t k = 1; k <= f->param_count; ++k) {
      const hie_param *param = &f->params[k];
      hie_buf_puts(&b, k > 1 ? ",{\"name\":" : "{\"name\":");
      hie_buf_json_string(&b, param->name, strlen(param->name));
      hie_buf_puts(&b, ",\"type\":");
      hie_buf_json_string(&b, param->type, strlen(param->type));
      hie_buf_puts(&b, ",\"description\":");
      hie_buf_json_string(&b, param->description, strlen(param->description));
      hie_buf_puts(&b, "}");
    }
    hie_buf_puts(&b, "],\"return_type\":");
    hie_buf_json_string(&b, f->return_type, strlen(f->return_type));
    hie_buf_puts(&b, ",\"example\":");
    hie_buf_json_string(&b, f->example, strlen(f->example));
    hie_buf_puts(&b, "}");
  }
  hie_buf_puts(&b, "],\"capabilities\":[");
  for (const char *c = p->capabilities; *c;) {
    size_t n = strcspn(c, ",");
    if (n) {
      if (b.data[b.len - 1] != '[') hie_buf_puts(&b, ",");
      hie_buf_json_string(&b, c, n);
    }
    c += n + (c[n] == ',');
  }
  hie_buf_puts(&b, "]}");
  return hie__answer(b.data);
}

static inline int64_t hie__dispatch(hie_function_kind kind, const char *fn, int32_t fn_len, const char *args,
                                    int32_t args_len, const char *ws, int32_t ws_len) {
  hie__arena_reset();
  const char *name = hie_strndup(fn, (size_t)fn_len);
  const char *what = kind == HIE_CHECK_KIND ? "check" : "selector";
  const hie_function *f = NULL;
  for (size_t i = 0; i < hie_plugin_definition.function_count; ++i)
    if (hie_plugin_definition.functions[i].kind == kind && strcmp(hie_plugin_definition.functions[i].name, name) == 0)
      f = &hie_plugin_definition.functions[i];
  hie_result *r = NULL;
  const hie_json *list = hie_json_parse(args, (size_t)args_len);
  hie_args a = {name, hie_strndup(ws, (size_t)ws_len), NULL, 0};
  if (!f) {
    r = hie_plugin_error("E055", "plugin '%s' has no %s named '%s'", hie_plugin_definition.name, what, name);
  } else if (!list || list->type != HIE_JSON_ARRAY) {
    r = hie_plugin_error("E057", "the arguments of %s '%s' are not a JSON array", what, name);
  } else {
    hie_value *items = (hie_value *)hie_alloc(sizeof(hie_value) * (list->length + 1));
    for (const hie_json *item = list->first; item; item = item->next)
      if (!hie__decode(item, &items[a.count++]))
        r = hie_plugin_error("E057", "argument %zu of %s '%s' is not a valid value", a.count, what, name);
    a.items = items;
    if (!r) r = f->fn(&a);
    if (!r) r = hie_plugin_error("E507", "%s '%s' returned no result", what, name);
  }
  return hie__answer(hie__finish(r));
}

HIE__EXPORT("library_call")
int64_t hie_library_call(const char *fn, int32_t fn_len, const char *args, int32_t args_len, const char *ws,
                         int32_t ws_len) {
  return hie__dispatch(HIE_SELECTOR_KIND, fn, fn_len, args, args_len, ws, ws_len);
}

HIE__EXPORT("library_check")
int64_t hie_library_check(const char *fn, int32_t fn_len, const char *args, int32_t args_len, const char *ws,
                          int32_t ws_len) {
  return hie__dispatch(HIE_CHECK_KIND, fn, fn_len, args, args_len, ws, ws_len);
}

#endif /* HIE_PLUGIN_H */
