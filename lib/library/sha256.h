// SHA-256 (FIPS 180-4), for the `sha256` pins of plugin libraries in hielements.toml.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hie::library {

// Incremental SHA-256: feed bytes with update(), then hex_digest() (lowercase, 64 characters). Small on purpose:
// hie takes no crypto dependency for one checksum of a few plugin files per run.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::string hex_digest();  // finishes the hash; call once

 private:
  void compress(const unsigned char* block);

  std::array<std::uint32_t, 8> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

std::string sha256_hex(std::string_view bytes);

// The digest of a file's bytes, or nullopt with `error` set to the operating system's reason.
std::optional<std::string> sha256_file(const std::filesystem::path& path, std::string& error);

}  // namespace hie::library
