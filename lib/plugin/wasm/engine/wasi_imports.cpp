// The WASI preview1 subset (PLUGINS.md §3): output to the log, empty args/environ unless granted, clock and random
// behind their grants, and a read-only pre-opened workspace; every other WASI function answers ENOSYS.
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "plugin/wasm/engine/host_imports.h"

extern char** environ;  // NOLINT: POSIX

namespace hie::plugin::wasm::engine {
namespace {

using wabt::Type;
using wabt::interp::FuncType;
using wabt::interp::Trap;
using wabt::interp::Value;
using wabt::interp::Values;

// WASI errno values (wasi_snapshot_preview1 `errno`).
enum Errno : std::uint32_t {
  kSuccess = 0,
  kAcces = 2,
  kBadf = 8,
  kFault = 21,
  kInval = 28,
  kIo = 29,
  kIsdir = 31,
  kLoop = 32,
  kMfile = 33,
  kNoent = 44,
  kNosys = 52,
  kNotdir = 54,
  kPerm = 63,
  kRofs = 69,
  kSpipe = 70,
  kNotcapable = 76,
};

constexpr std::uint8_t kFiletypeCharDevice = 2;
constexpr std::uint8_t kFiletypeDirectory = 3;
constexpr std::uint8_t kFiletypeRegular = 4;
// Read-only rights: fd_read, fd_seek, fd_tell, path_open, fd_readdir, path_readlink, path_filestat_get,
// fd_filestat_get.
constexpr std::uint64_t kReadRights = (1u << 1) | (1u << 2) | (1u << 5) | (1u << 13) | (1u << 14) | (1u << 15) |
                                      (1u << 18) | (1u << 21);
constexpr std::uint64_t kWriteRight = 1u << 6;
constexpr std::size_t kMaxOpenFiles = 128;
constexpr std::uint32_t kMaxIovecs = 1024;
constexpr std::uint64_t kMaxIoBytes = std::uint64_t{16} << 20;  // per fd_read/fd_write call

const std::map<std::string, FuncType, std::less<>>& wasi_types() {
  const Type I = Type::I32;
  const Type L = Type::I64;
  static const std::map<std::string, FuncType, std::less<>> types = {
      {"args_get", FuncType({I, I}, {I})},
      {"args_sizes_get", FuncType({I, I}, {I})},
      {"environ_get", FuncType({I, I}, {I})},
      {"environ_sizes_get", FuncType({I, I}, {I})},
      {"clock_res_get", FuncType({I, I}, {I})},
      {"clock_time_get", FuncType({I, L, I}, {I})},
      {"random_get", FuncType({I, I}, {I})},
      {"fd_write", FuncType({I, I, I, I}, {I})},
      {"fd_read", FuncType({I, I, I, I}, {I})},
      {"fd_seek", FuncType({I, L, I, I}, {I})},
      {"fd_close", FuncType({I}, {I})},
      {"fd_fdstat_get", FuncType({I, I}, {I})},
      {"fd_filestat_get", FuncType({I, I}, {I})},
      {"fd_prestat_get", FuncType({I, I}, {I})},
      {"fd_prestat_dir_name", FuncType({I, I, I}, {I})},
      {"fd_readdir", FuncType({I, I, I, L, I}, {I})},
      {"path_open", FuncType({I, I, I, I, I, L, L, I, I}, {I})},
      {"path_filestat_get", FuncType({I, I, I, I, I}, {I})},
      {"proc_exit", FuncType({I}, {})},
  };
  return types;
}

wabt::Result ret(Values& results, std::uint32_t err) {
  results[0] = Value::Make(err);
  return wabt::Result::Ok;
}

std::uint32_t errno_of(int host_errno) {
  switch (host_errno) {
    case ENOENT: return kNoent;
    case ENOTDIR: return kNotdir;
    case EPERM: return kNotcapable;  // leaves the workspace
    case EACCES: return kAcces;
    case ELOOP: return kLoop;
    case EINVAL: return kInval;
    case EISDIR: return kIsdir;
    default: return kIo;
  }
}

std::uint32_t u32(const Values& params, std::size_t i) { return params[i].Get<std::uint32_t>(); }
std::uint64_t u64(const Values& params, std::size_t i) { return params[i].Get<std::uint64_t>(); }

// The strings of args_* or environ_*: empty unless env_access.
std::vector<std::string> listing(const InstanceState& state, bool args) {
  std::vector<std::string> out;
  if (!state.config->grants.env_access) return out;
  if (args) {
    out.push_back(state.config->library_name);
  } else {
    for (char** e = environ; e && *e; ++e) out.emplace_back(*e);
  }
  return out;
}

wabt::Result sizes_get(InstanceState& st, bool args, const Values& params, Values& results) {
  std::vector<std::string> items = listing(st, args);
  std::uint64_t bytes = 0;
  for (const auto& s : items) bytes += s.size() + 1;
  GuestMemory memory = st.guest();
  if (!memory.write_u32(u32(params, 0), static_cast<std::uint32_t>(items.size())) ||
      !memory.write_u32(u32(params, 1), static_cast<std::uint32_t>(bytes))) {
    return ret(results, kFault);
  }
  return ret(results, kSuccess);
}

wabt::Result list_get(InstanceState& st, bool args, const Values& params, Values& results) {
  std::vector<std::string> items = listing(st, args);
  GuestMemory memory = st.guest();
  std::uint64_t pointers = u32(params, 0);
  std::uint64_t buffer = u32(params, 1);
  for (const auto& s : items) {
    if (!memory.write_u32(pointers, static_cast<std::uint32_t>(buffer)) || !memory.write(buffer, s) ||
        !memory.write_u8(buffer + s.size(), 0)) {
      return ret(results, kFault);
    }
    pointers += 4;
    buffer += s.size() + 1;
  }
  return ret(results, kSuccess);
}

// The iovec array [ptr, ptr + 8*count) as (buf, len) pairs, all within memory; nullopt = EFAULT / EINVAL.
std::optional<std::vector<std::pair<std::uint32_t, std::uint32_t>>> iovecs(const GuestMemory& memory,
                                                                          std::uint32_t ptr, std::uint32_t count,
                                                                          std::uint32_t& err) {
  if (count > kMaxIovecs) {
    err = kInval;
    return std::nullopt;
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (std::uint32_t i = 0; i < count; ++i) {
    auto buf = memory.read_u32(std::uint64_t{ptr} + 8ull * i);
    auto len = memory.read_u32(std::uint64_t{ptr} + 8ull * i + 4);
    if (!buf || !len || !memory.contains(*buf, *len)) {
      err = kFault;
      return std::nullopt;
    }
    out.emplace_back(*buf, *len);
  }
  return out;
}

bool write_filestat(GuestMemory& memory, std::uint64_t at, const struct stat& st) {
  std::uint8_t type = S_ISDIR(st.st_mode) ? kFiletypeDirectory : S_ISREG(st.st_mode) ? kFiletypeRegular : 0;
  auto ns = [](const struct timespec& t) {
    return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000'000ull + static_cast<std::uint64_t>(t.tv_nsec);
  };
  std::uint8_t zero[64] = {};
  return memory.write(at, zero, sizeof zero) && memory.write_u64(at, st.st_dev) && memory.write_u64(at + 8, st.st_ino) &&
         memory.write_u8(at + 16, type) && memory.write_u64(at + 24, st.st_nlink) &&
         memory.write_u64(at + 32, static_cast<std::uint64_t>(st.st_size)) && memory.write_u64(at + 40, ns(st.st_atim)) &&
         memory.write_u64(at + 48, ns(st.st_mtim)) && memory.write_u64(at + 56, ns(st.st_ctim));
}

WasiFile* find_file(InstanceState& st, std::uint32_t fd) {
  auto it = st.files.find(fd);
  return it == st.files.end() ? nullptr : &it->second;
}

// Resolves `path` beneath the directory `fd` (a pre-open or an opened directory).
OpenResult open_at(InstanceState& st, std::uint32_t fd, std::string_view path, std::uint32_t& err) {
  WasiFile* dir = find_file(st, fd);
  if (!dir || !st.sandbox) {
    err = kBadf;
    return {};
  }
  if (!dir->is_directory) {
    err = kNotdir;
    return {};
  }
  OpenResult opened = st.sandbox->open_beneath(dir->components, path);
  if (!opened.opened) err = errno_of(opened.error);
  return opened;
}

}  // namespace

const FuncType* wasi_import_type(std::string_view name) {
  auto it = wasi_types().find(name);
  return it == wasi_types().end() ? nullptr : &it->second;
}

wabt::interp::HostFunc::Callback bind_wasi_import(std::string_view name, InstanceState& state) {
  InstanceState* st = &state;
  std::string label = std::string(kWasiModule) + "." + std::string(name);
  auto bind = [&](auto body) { return guarded(label, state, body); };

  if (name == "args_sizes_get" || name == "environ_sizes_get") {
    bool args = name == "args_sizes_get";
    return bind([st, args](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result { return sizes_get(*st, args, p, r); });
  }
  if (name == "args_get" || name == "environ_get") {
    bool args = name == "args_get";
    return bind([st, args](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result { return list_get(*st, args, p, r); });
  }
  if (name == "clock_time_get" || name == "clock_res_get") {
    bool time = name == "clock_time_get";
    return bind([st, time](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      if (!st->config->grants.clock) return ret(r, kNotcapable);
      std::uint32_t id = u32(p, 0);
      if (id > 3) return ret(r, kInval);
      std::uint64_t value = 1000;  // resolution: 1 µs
      if (time) {
        auto now = id == 0 ? std::chrono::system_clock::now().time_since_epoch()
                           : std::chrono::steady_clock::now().time_since_epoch();
        value = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
      }
      GuestMemory memory = st->guest();
      return ret(r, memory.write_u64(u32(p, time ? 2 : 1), value) ? kSuccess : kFault);
    });
  }
  if (name == "random_get") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      if (!st->config->grants.random) return ret(r, kNotcapable);
      std::uint32_t buf = u32(p, 0), len = u32(p, 1);
      GuestMemory memory = st->guest();
      if (!memory.contains(buf, len)) return ret(r, kFault);
      std::vector<char> bytes(len);
      std::size_t done = 0;
      while (done < len) {
        ssize_t n = getrandom(bytes.data() + done, len - done, 0);
        if (n < 0) {
          if (errno == EINTR) continue;
          return ret(r, kIo);
        }
        done += static_cast<std::size_t>(n);
      }
      memory.write(buf, bytes.data(), len);
      return ret(r, kSuccess);
    });
  }
  if (name == "fd_write") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      std::uint32_t fd = u32(p, 0);
      GuestMemory memory = st->guest();
      std::uint32_t err = kSuccess;
      auto vecs = iovecs(memory, u32(p, 1), u32(p, 2), err);
      if (!vecs) return ret(r, err);
      if (fd != 1 && fd != 2) return ret(r, kBadf);  // files are opened read-only
      std::uint64_t total = 0;
      for (auto [buf, len] : *vecs) {
        std::uint64_t take = std::min<std::uint64_t>(len, kMaxIoBytes - total);
        st->pending_output[fd - 1] += *memory.read(buf, static_cast<std::uint32_t>(take));
        total += take;
        st->emit_output(static_cast<int>(fd - 1), false);
      }
      return ret(r, memory.write_u32(u32(p, 3), static_cast<std::uint32_t>(total)) ? kSuccess : kFault);
    });
  }
  if (name == "fd_read") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      WasiFile* file = find_file(*st, u32(p, 0));
      if (!file) return ret(r, kBadf);
      if (file->is_directory) return ret(r, kIsdir);
      GuestMemory memory = st->guest();
      std::uint32_t err = kSuccess;
      auto vecs = iovecs(memory, u32(p, 1), u32(p, 2), err);
      if (!vecs) return ret(r, err);
      std::uint64_t total = 0;
      std::vector<char> chunk;
      for (auto [buf, len] : *vecs) {
        std::uint64_t want = std::min<std::uint64_t>(len, kMaxIoBytes - total);
        if (want == 0) continue;
        chunk.resize(want);
        ssize_t n = ::read(file->fd.get(), chunk.data(), want);
        if (n < 0) return ret(r, kIo);
        memory.write(buf, chunk.data(), static_cast<std::uint64_t>(n));
        total += static_cast<std::uint64_t>(n);
        if (static_cast<std::uint64_t>(n) < want) break;
      }
      return ret(r, memory.write_u32(u32(p, 3), static_cast<std::uint32_t>(total)) ? kSuccess : kFault);
    });
  }
  if (name == "fd_seek") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      std::uint32_t fd = u32(p, 0);
      if (fd <= 2) return ret(r, kSpipe);
      WasiFile* file = find_file(*st, fd);
      if (!file) return ret(r, kBadf);
      if (file->is_directory) return ret(r, kIsdir);
      std::uint32_t whence = u32(p, 2);
      if (whence > 2) return ret(r, kInval);
      int host_whence = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END;
      off_t pos = lseek(file->fd.get(), static_cast<off_t>(static_cast<std::int64_t>(u64(p, 1))), host_whence);
      if (pos < 0) return ret(r, kInval);
      GuestMemory memory = st->guest();
      return ret(r, memory.write_u64(u32(p, 3), static_cast<std::uint64_t>(pos)) ? kSuccess : kFault);
    });
  }
  if (name == "fd_close") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      return ret(r, st->files.erase(u32(p, 0)) ? kSuccess : kBadf);
    });
  }
  if (name == "fd_fdstat_get") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      std::uint32_t fd = u32(p, 0);
      std::uint8_t type = 0;
      std::uint64_t rights = 0;
      if (fd == 1 || fd == 2) {
        type = kFiletypeCharDevice;
        rights = kWriteRight;
      } else if (WasiFile* file = find_file(*st, fd)) {
        type = file->is_directory ? kFiletypeDirectory : kFiletypeRegular;
        rights = kReadRights;
      } else {
        return ret(r, kBadf);
      }
      GuestMemory memory = st->guest();
      std::uint32_t at = u32(p, 1);
      std::uint8_t zero[24] = {};
      bool ok = memory.write(at, zero, sizeof zero) && memory.write_u8(at, type) && memory.write_u64(at + 8ull, rights) &&
                memory.write_u64(at + 16ull, rights);
      return ret(r, ok ? kSuccess : kFault);
    });
  }
  if (name == "fd_filestat_get") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      WasiFile* file = find_file(*st, u32(p, 0));
      if (!file) return ret(r, kBadf);
      struct stat s {};
      if (fstat(file->fd.get(), &s) != 0) return ret(r, kIo);
      GuestMemory memory = st->guest();
      return ret(r, write_filestat(memory, u32(p, 1), s) ? kSuccess : kFault);
    });
  }
  if (name == "fd_prestat_get") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      WasiFile* file = find_file(*st, u32(p, 0));
      if (!file || file->preopen_name.empty()) return ret(r, kBadf);
      GuestMemory memory = st->guest();
      std::uint32_t at = u32(p, 1);
      bool ok = memory.write_u32(at, 0) &&
                memory.write_u32(at + 4ull, static_cast<std::uint32_t>(file->preopen_name.size()));
      return ret(r, ok ? kSuccess : kFault);
    });
  }
  if (name == "fd_prestat_dir_name") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      WasiFile* file = find_file(*st, u32(p, 0));
      if (!file || file->preopen_name.empty()) return ret(r, kBadf);
      GuestMemory memory = st->guest();
      std::uint32_t len = u32(p, 2);
      if (len < file->preopen_name.size()) return ret(r, kInval);
      return ret(r, memory.write(u32(p, 1), file->preopen_name) ? kSuccess : kFault);
    });
  }
  if (name == "fd_readdir") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      WasiFile* file = find_file(*st, u32(p, 0));
      if (!file) return ret(r, kBadf);
      if (!file->is_directory) return ret(r, kNotdir);
      std::uint32_t buf = u32(p, 1), len = u32(p, 2);
      std::uint64_t cookie = u64(p, 3);
      GuestMemory memory = st->guest();
      if (!memory.contains(buf, len)) return ret(r, kFault);
      if (cookie == 0 || !file->entries) {
        file->entries = list_directory(file->fd.get());
        if (!file->entries) return ret(r, kIo);
      }
      std::uint64_t used = 0;
      for (std::uint64_t i = cookie; i < file->entries->size() && used < len; ++i) {
        const DirEntry& e = (*file->entries)[i];
        std::string record(24, '\0');
        std::uint64_t next = i + 1;
        auto namelen = static_cast<std::uint32_t>(e.name.size());
        std::memcpy(record.data(), &next, 8);
        std::memcpy(record.data() + 8, &e.inode, 8);
        std::memcpy(record.data() + 16, &namelen, 4);
        record[20] = static_cast<char>(e.wasi_type);
        record += e.name;
        // A record that does not fit is cut: the caller sees a full buffer and asks again with a larger one.
        std::uint64_t take = std::min<std::uint64_t>(record.size(), len - used);
        memory.write(buf + used, record.data(), take);
        used += take;
      }
      return ret(r, memory.write_u32(u32(p, 4), static_cast<std::uint32_t>(used)) ? kSuccess : kFault);
    });
  }
  if (name == "path_open") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      GuestMemory memory = st->guest();
      auto path = memory.read(u32(p, 2), u32(p, 3));
      if (!path) return ret(r, kFault);
      std::uint32_t oflags = u32(p, 4);
      std::uint64_t rights = u64(p, 5);
      std::uint32_t fdflags = u32(p, 7);
      // creat, excl, trunc, or the write right, or append/dsync/rsync/sync: the workspace is read-only.
      if ((oflags & (1u | 4u | 8u)) != 0 || (rights & kWriteRight) != 0 || (fdflags & (1u | 2u | 8u | 16u)) != 0) {
        return ret(r, find_file(*st, u32(p, 0)) ? kRofs : kBadf);
      }
      std::uint32_t err = kSuccess;
      OpenResult opened = open_at(*st, u32(p, 0), *path, err);
      if (!opened.opened) return ret(r, err);
      if ((oflags & 2u) != 0 && !opened.opened->is_directory) return ret(r, kNotdir);
      if (st->files.size() >= kMaxOpenFiles) return ret(r, kMfile);
      std::uint32_t fd = 3;
      while (st->files.count(fd)) ++fd;
      if (!memory.write_u32(u32(p, 8), fd)) return ret(r, kFault);
      WasiFile file;
      file.fd = std::move(opened.opened->fd);
      file.is_directory = opened.opened->is_directory;
      file.components = std::move(opened.opened->components);
      st->files.emplace(fd, std::move(file));
      return ret(r, kSuccess);
    });
  }
  if (name == "path_filestat_get") {
    return bind([st](const Values& p, Values& r, Trap::Ptr*) -> wabt::Result {
      GuestMemory memory = st->guest();
      auto path = memory.read(u32(p, 2), u32(p, 3));
      if (!path) return ret(r, kFault);
      std::uint32_t err = kSuccess;
      OpenResult opened = open_at(*st, u32(p, 0), *path, err);
      if (!opened.opened) return ret(r, err);
      struct stat s {};
      if (fstat(opened.opened->fd.get(), &s) != 0) return ret(r, kIo);
      return ret(r, write_filestat(memory, u32(p, 4), s) ? kSuccess : kFault);
    });
  }
  if (name == "proc_exit") {
    return bind([st](const Values& p, Values&, Trap::Ptr* out_trap) -> wabt::Result {
      auto code = static_cast<std::int32_t>(u32(p, 0));
      if (st->call) st->call->exit_code = code;
      return stop_call(*st, out_trap, codes::kExit, "proc_exit(" + std::to_string(code) + ")");
    });
  }
  // Any other WASI function (check_import made sure it returns an i32 errno).
  return bind([](const Values&, Values& r, Trap::Ptr*) { return ret(r, kNosys); });
}

void InstanceState::emit_output(int index, bool flush) {
  std::string& text = pending_output[index];
  const char* stream = index == 0 ? "stdout" : "stderr";
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    log("[" + config->library_name + "] " + stream + ": " + text.substr(start, nl - start));
    start = nl + 1;
  }
  text.erase(0, start);
  if ((flush || text.size() > 65536) && !text.empty()) {
    log("[" + config->library_name + "] " + stream + ": " + text);
    text.clear();
  }
}

}  // namespace hie::plugin::wasm::engine
