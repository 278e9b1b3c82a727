// Result<T>: a value or a LibraryError, the way library functions report failures without exceptions.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace hie::library {

// A failure inside a library function: the library's own code ("E110", "E-32000") and a message for users.
struct LibraryError {
  std::string code;
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}             // NOLINT(google-explicit-constructor)
  Result(LibraryError error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { assert(ok()); return std::get<T>(data_); }
  T& value() & { assert(ok()); return std::get<T>(data_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(data_)); }
  const LibraryError& error() const { assert(!ok()); return std::get<LibraryError>(data_); }

 private:
  std::variant<T, LibraryError> data_;
};

}  // namespace hie::library
