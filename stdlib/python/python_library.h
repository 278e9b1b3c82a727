// The built-in `python` library: the common vocabulary of the language libraries over the Python index, plus the
// older tool's python functions (same names, argument order and messages), answered from real facts.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "stdlib/common/language_library.h"

namespace hie::stdlib::python {

// Error codes: E400-E402 and E410-E425 keep the older tool's meanings (a missing or mistyped argument at one
// position); E403 is a wrong call that has no older code; E404 an unusable argument value; E499 unknown function.
common::LanguageErrorCodes python_error_codes();

class PythonLibrary final : public common::LanguageLibrary {
 public:
  explicit PythonLibrary(std::shared_ptr<const common::LanguageIndex> index);

 protected:
  std::vector<common::LanguageFunction> own_functions() const override;
  std::string description() const override;
};

}  // namespace hie::stdlib::python
