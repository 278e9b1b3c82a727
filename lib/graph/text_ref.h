// A non-owning reference to text kept alive elsewhere for as long as the reference is used: what dependency edges
// hold instead of strings, so that hundreds of thousands of them are built without an allocation each.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hie::graph {

// Like std::string_view, but it cannot be made from a temporary std::string (that would dangle at the end of the
// statement): only from a named string, a string literal, or an explicit view whose owner the caller names.
class TextRef {
 public:
  constexpr TextRef() = default;
  TextRef(const std::string& text) : view_(text) {}  // NOLINT(google-explicit-constructor): as string_view does
  TextRef(std::string&&) = delete;
  template <std::size_t N>
  constexpr TextRef(const char (&literal)[N]) : view_(literal, N - 1) {}  // NOLINT(google-explicit-constructor)
  // Text whose storage outlives the reference (a mapped file, an arena, another TextRef's owner).
  static constexpr TextRef of(std::string_view kept) {
    TextRef ref;
    ref.view_ = kept;
    return ref;
  }
  // The same for a text that may be absent (a resolver's target: nullopt for an external module).
  static constexpr std::optional<TextRef> of_optional(std::optional<std::string_view> kept) {
    return kept ? std::optional<TextRef>(of(*kept)) : std::nullopt;
  }

  constexpr std::string_view view() const { return view_; }
  constexpr operator std::string_view() const { return view_; }  // NOLINT(google-explicit-constructor)
  std::string str() const { return std::string(view_); }
  constexpr bool empty() const { return view_.empty(); }
  constexpr std::size_t size() const { return view_.size(); }

  // Comparisons with each kind of text, so that none needs a conversion (two would make them ambiguous).
  friend constexpr bool operator==(TextRef a, TextRef b) { return a.view_ == b.view_; }
  friend constexpr std::strong_ordering operator<=>(TextRef a, TextRef b) { return a.view_ <=> b.view_; }
  friend constexpr bool operator==(TextRef a, std::string_view b) { return a.view_ == b; }
  friend constexpr std::strong_ordering operator<=>(TextRef a, std::string_view b) { return a.view_ <=> b; }
  friend bool operator==(TextRef a, const std::string& b) { return a.view_ == b; }
  friend std::strong_ordering operator<=>(TextRef a, const std::string& b) { return a.view_ <=> std::string_view(b); }
  friend constexpr bool operator==(TextRef a, const char* b) { return a.view_ == b; }
  friend constexpr std::strong_ordering operator<=>(TextRef a, const char* b) { return a.view_ <=> b; }

 private:
  std::string_view view_;
};

inline std::string operator+(std::string left, TextRef right) { return left.append(right.view()); }
inline std::string operator+(TextRef left, std::string_view right) { return std::string(left.view()).append(right); }

}  // namespace hie::graph
