// Bounds-checked access to a guest's linear memory: every pointer and length a module hands the host goes through
// here before any byte is touched.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "wabt/interp/interp.h"

namespace hie::plugin::wasm::engine {

class GuestMemory {
 public:
  explicit GuestMemory(wabt::interp::Memory* memory) : memory_(memory) {}

  std::uint64_t size() const { return memory_ ? memory_->ByteSize() : 0; }
  bool contains(std::uint64_t ptr, std::uint64_t len) const {
    std::uint64_t n = size();
    return ptr <= n && len <= n - ptr;
  }

  std::optional<std::string> read(std::uint32_t ptr, std::uint32_t len) const {
    if (!contains(ptr, len)) return std::nullopt;
    if (len == 0) return std::string();
    return std::string(reinterpret_cast<const char*>(memory_->UnsafeData() + ptr), len);
  }
  bool write(std::uint64_t ptr, const void* data, std::uint64_t len) {
    if (!contains(ptr, len)) return false;
    if (len > 0) std::memcpy(memory_->UnsafeData() + ptr, data, len);
    return true;
  }
  bool write(std::uint64_t ptr, std::string_view bytes) { return write(ptr, bytes.data(), bytes.size()); }
  // Little-endian, as wasm memory is (the host is little-endian too: WABT stores values natively).
  bool write_u8(std::uint64_t ptr, std::uint8_t v) { return write(ptr, &v, 1); }
  bool write_u16(std::uint64_t ptr, std::uint16_t v) { return write(ptr, &v, 2); }
  bool write_u32(std::uint64_t ptr, std::uint32_t v) { return write(ptr, &v, 4); }
  bool write_u64(std::uint64_t ptr, std::uint64_t v) { return write(ptr, &v, 8); }
  std::optional<std::uint32_t> read_u32(std::uint64_t ptr) const {
    if (!contains(ptr, 4)) return std::nullopt;
    std::uint32_t v;
    std::memcpy(&v, memory_->UnsafeData() + ptr, 4);
    return v;
  }

 private:
  wabt::interp::Memory* memory_;
};

}  // namespace hie::plugin::wasm::engine
