#include "spec_generator.h"

#include <string_view>
#include <vector>

namespace hie::bench {
namespace {

constexpr std::string_view kHeader = R"(# Synthetic architecture spec used by the parse benchmark.
import files
import cpp
import python as py
import 'shared/common.hie'
from files import exists, folder_selector

## Languages the spec annotates scopes with.
language cpp {
    connection_check no_upward(parent: scope[], child: scope[]): cpp.no_dependency(child, parent)
}
language python
)";

// One repeating unit per kind; `@` is replaced by the unit's number so every name is unique.
constexpr std::string_view kPatternUnit = R"(
## A service with an API, storage and tests (pattern @).
pattern service_@ {
    ## The public API.
    element api {
        scope module<cpp>
        ref handler: Handler
        check cpp.function_exists(module, 'handle_request')
    }
    element storage {
        scope schema = files.file_selector('schema.sql')
        check files.max_size(schema, 65536)
    }
    requires descendant scope config = files.file_selector('config.toml')
    requires element tests { scope dir }
    allows language cpp
    forbids connection to legacy_@.*
    requires connection to logging_@
    forbids descendant check files.exists(api.module, 'unsafe.cpp')
}
)";

constexpr std::string_view kBraceUnit = R"(
## Orders domain @: brace blocks, bindings and dependencies.
element orders_@ implements service_@ {
    scope root = files.folder_selector('services/orders_@')
    scope api_src<cpp> binds service_@.api.module = cpp.module_selector('orders_@/api')
    ref handler: Handler binds service_@.api.handler = cpp.symbol_selector('function', 'handle_@')
    check files.exists(root, 'CMakeLists.txt')
    check files.no_files_matching(root, '**/*.orig')

    ## Request handling.
    element api {
        scope src<cpp> = cpp.files(files.folder_selector('services/orders_@/api'))
        src uses orders_@.storage
        check cpp.layers([src, orders_@.storage.src])
        check cpp.no_cycles(src)
    }
    element storage { scope src<cpp> = files.folder_selector('services/orders_@/storage') }
    element tests {
        scope dir = files.folder_selector('services/orders_@/tests')
        check files.count_at_most(dir, 200)  # keep the suite small
    }
}
)";

constexpr std::string_view kIndentUnit = R"(
## Analytics pipeline @: indentation blocks, with a brace block inside.
element analytics_@:
    scope root<python> = py.module_selector('analytics_@')
    # Stages run in order; each may only use the ones before it.
    check py.only_depends_on(root, [
        'numpy',
        'pandas',
    ])

    ## Reads raw events.
    element ingest:
        scope src<python> = py.module_selector('analytics_@.ingest')
        check py.function_exists(src, 'read_events')
        check py.no_import(src, 'requests')

    element transform:
        scope src<python> = py.module_selector('analytics_@.transform')
        src uses analytics_@.ingest
        element kernels { scope src = files.glob_selector('analytics_@/kernels/**/*.py') }

    element report
)";

constexpr std::string_view kCommentUnit = R"(
###
Platform services, group @.
These lines are a block comment and never reach the parser.
###
element platform_@ {
    ## Shared configuration.
    scope config = files.file_selector("platform_@/config \"main\".toml")
    scope docs = files.union(files.folder_selector('docs/platform_@'), files.file_selector('README.md'))
    ref port: integer = 8080
    ref ratio: float = -0.25
    ref enabled: boolean = true
    check files.contains_text(docs, 'Platform\tservices\n')
    check files.max_lines(config, 400)
    element logging_@ { scope src = files.folder_selector('platform_@/logging') }
    element metrics_@ { check exists(config, 'metrics.toml') }
    element legacy_@:
        scope src = folder_selector('platform_@/legacy')
        check files.is_empty(src)
}
)";

constexpr std::string_view kUnits[] = {kPatternUnit, kBraceUnit, kIndentUnit, kCommentUnit};

std::uint32_t count_lines(std::string_view text) {
  std::uint32_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

std::string instantiate(std::string_view unit, std::uint32_t number) {
  std::string out;
  const std::string id = std::to_string(number);
  for (char c : unit) {
    if (c == '@') {
      out += id;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string generate_spec(std::uint32_t lines) {
  std::string spec;
  std::uint32_t written = 0;
  const auto append = [&](std::string_view text) {
    spec += text;
    written += count_lines(text);
  };

  if (count_lines(kHeader) <= lines) append(kHeader);
  for (std::uint32_t number = 0;; ++number) {
    const std::string unit = instantiate(kUnits[number % std::size(kUnits)], number / std::size(kUnits));
    if (written + count_lines(unit) > lines) break;
    append(unit);
  }
  // Pad to the exact count with one-line leaf elements.
  std::uint32_t filler = 0;
  while (written < lines) {
    append("element filler_" + std::to_string(filler++) + " { scope src = files.folder_selector('filler') }\n");
  }
  return spec;
}

}  // namespace hie::bench
