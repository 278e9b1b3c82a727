// Self-description of a library: its selectors and checks with their signatures (for `hie doc` and validation).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hie::library {

struct ParamDoc {
  std::string name;
  // "scope", "string", "integer", "number" (integer or float), "boolean", "list", "any".
  std::string type = "any";
  std::string description;
  bool variadic = false;  // last parameter only: accepts zero or more further arguments of `type`
};

enum class FunctionKind { Selector, Check };

// One signature of a function. A function with alternative signatures (e.g. an optional leading scope) is listed
// once per signature; validation accepts a call that matches any of them.
struct FunctionDoc {
  std::string name;
  FunctionKind kind = FunctionKind::Check;
  std::string description;
  std::vector<ParamDoc> params;
  std::string return_type;  // "scope", "boolean", ... ("" for checks)
  std::optional<std::string> example;
};

struct LibraryDoc {
  std::string name;
  std::string description;
  std::string version = "0.1.0";
  std::vector<FunctionDoc> functions;
  // false when the library could not describe itself (a process plugin without `library.doc`): its names and
  // arity are then checked at run time only (info I001).
  bool self_described = true;
};

}  // namespace hie::library
