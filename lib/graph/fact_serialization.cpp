#include "graph/fact_serialization.h"

namespace hie::graph {

void ByteWriter::varint(std::uint64_t value) {
  while (value >= 0x80) {
    out_.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out_.push_back(static_cast<char>(value));
}

void ByteWriter::fixed64(std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void ByteWriter::str(std::string_view value) {
  varint(value.size());
  out_.append(value);
}

bool ByteReader::u8(std::uint8_t* value) {
  if (!ok_ || pos_ >= in_.size()) return ok_ = false;
  *value = static_cast<std::uint8_t>(in_[pos_++]);
  return true;
}

bool ByteReader::varint(std::uint64_t* value) {
  std::uint64_t result = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    std::uint8_t byte = 0;
    if (!u8(&byte)) return false;
    result |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      return true;
    }
  }
  return ok_ = false;  // more than 10 bytes: damaged
}

bool ByteReader::fixed64(std::uint64_t* value) {
  if (!ok_ || in_.size() - pos_ < 8) return ok_ = false;
  std::uint64_t result = 0;
  for (int i = 0; i < 8; ++i) result |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(in_[pos_ + i])) << (8 * i);
  pos_ += 8;
  *value = result;
  return true;
}

bool ByteReader::view(std::string_view* value) {
  std::uint64_t size = 0;
  if (!varint(&size)) return false;
  if (size > in_.size() - pos_) return ok_ = false;
  *value = in_.substr(pos_, size);
  pos_ += size;
  return true;
}

bool ByteReader::str(std::string* value) {
  std::uint64_t size = 0;
  if (!varint(&size)) return false;
  if (size > in_.size() - pos_) return ok_ = false;
  value->assign(in_.substr(pos_, size));
  pos_ += size;
  return true;
}

namespace {

bool read_u32(ByteReader& in, std::uint32_t* value) {
  std::uint64_t wide = 0;
  if (!in.varint(&wide) || wide > 0xffffffffu) return false;
  *value = static_cast<std::uint32_t>(wide);
  return true;
}

// Bounds a count read from disk by the bytes left (every item takes at least one byte), so a damaged count cannot
// make us allocate gigabytes.
bool read_count(ByteReader& in, std::uint64_t* count) { return in.varint(count) && *count <= in.remaining(); }

enum ImportFlags : std::uint8_t { kTypeOnly = 1, kInFunction = 2 };

}  // namespace

void write_facts(ByteWriter& out, const FileFacts& facts) {
  out.str(facts.language);
  out.varint(facts.imports.size());
  for (const ImportFact& fact : facts.imports) {
    out.str(fact.module);
    out.str(fact.name);
    out.varint(fact.line);
    out.str(fact.kind);
    out.varint(fact.level);
    out.u8(static_cast<std::uint8_t>((fact.type_only ? kTypeOnly : 0) | (fact.in_function ? kInFunction : 0)));
  }
  out.varint(facts.symbols.size());
  for (const SymbolFact& fact : facts.symbols) {
    out.str(fact.kind);
    out.str(fact.name);
    out.str(fact.detail);
    out.varint(fact.line);
    out.u8(fact.documented ? 1 : 0);
  }
  out.varint(facts.warnings.size());
  for (const std::string& warning : facts.warnings) out.str(warning);
}

std::size_t encoded_size_estimate(const FileFacts& facts) {
  constexpr std::size_t kNumber = 5;  // a varint of a count, length, line or level below 2^35
  std::size_t size = kNumber + facts.language.size() + 3 * kNumber;
  for (const ImportFact& fact : facts.imports) {
    size += fact.module.size() + fact.name.size() + fact.kind.size() + 5 * kNumber + 1;
  }
  for (const SymbolFact& fact : facts.symbols)
    size += fact.kind.size() + fact.name.size() + fact.detail.size() + 4 * kNumber + 1;
  for (const std::string& warning : facts.warnings) size += warning.size() + kNumber;
  return size;
}

bool read_facts(ByteReader& in, FileFacts* facts) {
  std::uint64_t count = 0;
  if (!in.str(&facts->language) || !read_count(in, &count)) return false;
  facts->imports.resize(count);
  for (ImportFact& fact : facts->imports) {
    std::uint8_t flags = 0;
    if (!in.str(&fact.module) || !in.str(&fact.name) || !read_u32(in, &fact.line) || !in.str(&fact.kind) ||
        !read_u32(in, &fact.level) || !in.u8(&flags) || flags > 3) {
      return false;
    }
    fact.type_only = flags & kTypeOnly;
    fact.in_function = flags & kInFunction;
  }
  if (!read_count(in, &count)) return false;
  facts->symbols.resize(count);
  for (SymbolFact& fact : facts->symbols) {
    std::uint8_t documented = 0;
    if (!in.str(&fact.kind) || !in.str(&fact.name) || !in.str(&fact.detail) || !read_u32(in, &fact.line) ||
        !in.u8(&documented) || documented > 1) {
      return false;
    }
    fact.documented = documented == 1;
  }
  if (!read_count(in, &count)) return false;
  facts->warnings.resize(count);
  for (std::string& warning : facts->warnings) {
    if (!in.str(&warning)) return false;
  }
  return true;
}

}  // namespace hie::graph
