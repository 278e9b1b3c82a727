// Compact binary encoding of FileFacts for the fact cache (varints and length-prefixed strings).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/file_facts.h"

namespace hie::graph {

class ByteWriter {
 public:
  void u8(std::uint8_t value) { out_.push_back(static_cast<char>(value)); }
  void varint(std::uint64_t value);
  void fixed64(std::uint64_t value);
  void str(std::string_view value);
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote; every read fails (returns false, and stays failed) past the end or on bad data.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : in_(bytes) {}
  bool u8(std::uint8_t* value);
  bool varint(std::uint64_t* value);
  bool fixed64(std::uint64_t* value);
  bool str(std::string* value);
  // A length-prefixed string (as str() reads it) without copying: a view into the bytes being read.
  bool view(std::string_view* value);
  bool at_end() const { return pos_ == in_.size(); }
  std::size_t remaining() const { return in_.size() - pos_; }
  bool ok() const { return ok_; }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

void write_facts(ByteWriter& out, const FileFacts& facts);
// About how many bytes write_facts() writes (at least as many in practice), for reserving a buffer once.
std::size_t encoded_size_estimate(const FileFacts& facts);
bool read_facts(ByteReader& in, FileFacts* facts);

}  // namespace hie::graph
