// Escaping text for XML 1.0 (JUnit reports): markup characters, and characters XML cannot carry at all.
#pragma once

#include <string>
#include <string_view>

namespace hie::report {

// `&`, `<`, `>`, `"` and `'` as entities. Control characters other than tab, newline and carriage return are not
// allowed in XML 1.0 even as references, so they are written as the visible text `\xNN`; invalid UTF-8 and the
// non-characters U+FFFE/U+FFFF become U+FFFD. With `attribute`, tab, newline and carriage return are written as
// character references so that parsers do not normalize them to spaces.
std::string xml_escape(std::string_view text, bool attribute = false);

}  // namespace hie::report
