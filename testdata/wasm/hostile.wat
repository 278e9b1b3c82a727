;; hostile.wat: a plugin whose checks attack the sandbox (PLUGINS.md §3 "Sandbox and limits"), one per check:
;; traps, endless and long loops, runaway recursion (direct and through call_indirect), memory and table growth,
;; results outside memory or not JSON, reads that try to leave the workspace, bad pointers handed to every host
;; function, and WASI proc_exit. `poison_then_trap` and `answer` show that a trap discards the instance.
;; Checks that probe a host function report what it returned: `{"Pass":null}` when the host did what was asked,
;; `{"Fail":"<function> returned <status>"}` when it refused.
(module
  (type $thunk (func (result i32)))
  (import "hie" "log" (func $log (param i32 i32 i32)))
  (import "hie" "config_get" (func $config_get (param i32 i32 i32 i32) (result i64)))
  (import "hie" "read_file" (func $read_file (param i32 i32 i32 i32) (result i64)))
  (import "hie" "host_call" (func $host_call (param i32 i32 i32 i32 i32 i32) (result i64)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))

  (memory (export "memory") 2)
  (table $table 1 funcref)
  (elem (i32.const 0) $bounce)
  (global $zero (mut i32) (i32.const 0))
  (global $poisoned (mut i32) (i32.const 0))

  ;; The check names, in dispatch order, one per 64-byte slot from 1024 (NUL-terminated: memory starts zeroed).
  (data (i32.const 1024) "divide_by_zero")
  (data (i32.const 1088) "unreachable")
  (data (i32.const 1152) "infinite_loop")
  (data (i32.const 1216) "long_loop")
  (data (i32.const 1280) "deep_recursion")
  (data (i32.const 1344) "indirect_recursion")
  (data (i32.const 1408) "grow_memory")
  (data (i32.const 1472) "grow_table")
  (data (i32.const 1536) "result_out_of_bounds")
  (data (i32.const 1600) "result_too_long")
  (data (i32.const 1664) "invalid_json")
  (data (i32.const 1728) "read_dotdot")
  (data (i32.const 1792) "read_absolute")
  (data (i32.const 1856) "read_symlink")
  (data (i32.const 1920) "read_inside")
  (data (i32.const 1984) "bad_path_pointer")
  (data (i32.const 2048) "bad_buffer_pointer")
  (data (i32.const 2112) "bad_config_pointer")
  (data (i32.const 2176) "bad_host_call_pointer")
  (data (i32.const 2240) "bad_log_pointer")
  (data (i32.const 2304) "proc_exit")
  (data (i32.const 2368) "poison_then_trap")
  (data (i32.const 2432) "answer")
  (global $check_count i32 (i32.const 23))

  ;; Results and the pieces of messages, one per 64-byte slot from 4096.
  (data (i32.const 4096) "{\"Pass\":null}")
  (data (i32.const 4160) "{\"Fail\":\"")
  (data (i32.const 4224) "\"}")
  (data (i32.const 4288) "memory.grow refused at ")
  (data (i32.const 4352) " pages")
  (data (i32.const 4416) "table.grow refused at ")
  (data (i32.const 4480) " elements")
  (data (i32.const 4544) "read_file returned ")
  (data (i32.const 4608) "config_get returned ")
  (data (i32.const 4672) "host_call returned ")
  (data (i32.const 4736) "{\"Fail\":\"log returned\"}")
  (data (i32.const 4800) "{\"Fail\":\"proc_exit returned\"}")
  (data (i32.const 4864) "{\"Pass\": nul")
  (data (i32.const 4928) "{\"error\":{\"code\":\"E055\",\"message\":\"hostile has no such check\"}}")
  (data (i32.const 4992) "{\"Fail\":\"table.grow of 2^28 elements succeeded\"}")
  (data (i32.const 5056) "../outside.txt")
  (data (i32.const 5120) "/etc/passwd")
  (data (i32.const 5184) "link_to_outside")
  (data (i32.const 5248) "inside.txt")
  (data (i32.const 5312) "files.exists")
  (data (i32.const 5376) "{\"Fail\":\"this instance trapped before: it was not re-instantiated\"}")
  (data (i32.const 5504) "table.grow never refused up to ")

  ;; The self-description, from 16384.
  (data (i32.const 16384)
    "{\"name\":\"hostile\",\"version\":\"1.0.0\",\"description\":\"Modules that misbehave, for the sandbox tests\",\"functions\":["
    "{\"name\":\"divide_by_zero\",\"kind\":\"check\",\"description\":\"traps: integer divide by zero\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.divide_by_zero()\"},"
    "{\"name\":\"unreachable\",\"kind\":\"check\",\"description\":\"traps: unreachable\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.unreachable()\"},"
    "{\"name\":\"infinite_loop\",\"kind\":\"check\",\"description\":\"never returns (stopped by timeout_ms or fuel)\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.infinite_loop()\"},"
    "{\"name\":\"long_loop\",\"kind\":\"check\",\"description\":\"a finite loop of 10^10 iterations (stopped by fuel)\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.long_loop()\"},"
    "{\"name\":\"deep_recursion\",\"kind\":\"check\",\"description\":\"recurses without end (stopped by max_call_depth)\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.deep_recursion()\"},"
    "{\"name\":\"indirect_recursion\",\"kind\":\"check\",\"description\":\"recurses through call_indirect without end\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.indirect_recursion()\"},"
    "{\"name\":\"grow_memory\",\"kind\":\"check\",\"description\":\"grows memory a page at a time until refused; fails with the page count\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.grow_memory()\"},"
    "{\"name\":\"grow_table\",\"kind\":\"check\",\"description\":\"grows the table (2^28 elements at once, then one at a time) until refused; fails with the size\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.grow_table()\"},"
    "{\"name\":\"result_out_of_bounds\",\"kind\":\"check\",\"description\":\"returns a result pointer beyond the memory\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.result_out_of_bounds()\"},"
    "{\"name\":\"result_too_long\",\"kind\":\"check\",\"description\":\"returns a result length beyond the memory\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.result_too_long()\"},"
    "{\"name\":\"invalid_json\",\"kind\":\"check\",\"description\":\"returns a result that is not JSON\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.invalid_json()\"},"
    "{\"name\":\"read_dotdot\",\"kind\":\"check\",\"description\":\"reads ../outside.txt\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.read_dotdot()\"},"
    "{\"name\":\"read_absolute\",\"kind\":\"check\",\"description\":\"reads /etc/passwd\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.read_absolute()\"},"
    "{\"name\":\"read_symlink\",\"kind\":\"check\",\"description\":\"reads link_to_outside, a symlink leading out of the workspace\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.read_symlink()\"},"
    "{\"name\":\"read_inside\",\"kind\":\"check\",\"description\":\"reads inside.txt\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.read_inside()\"},"
    "{\"name\":\"bad_path_pointer\",\"kind\":\"check\",\"description\":\"read_file with a path pointer beyond the memory\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.bad_path_pointer()\"},"
    "{\"name\":\"bad_buffer_pointer\",\"kind\":\"check\",\"description\":\"read_file with a buffer beyond the memory\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.bad_buffer_pointer()\"},"
    "{\"name\":\"bad_config_pointer\",\"kind\":\"check\",\"description\":\"config_get with a key pointer beyond the memory\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.bad_config_pointer()\"},"
    "{\"name\":\"bad_host_call_pointer\",\"kind\":\"check\",\"description\":\"host_call with a method pointer beyond the memory\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.bad_host_call_pointer()\"},"
    "{\"name\":\"bad_log_pointer\",\"kind\":\"check\",\"description\":\"log with a message pointer beyond the memory\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.bad_log_pointer()\"},"
    "{\"name\":\"proc_exit\",\"kind\":\"check\",\"description\":\"calls WASI proc_exit(7)\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.proc_exit()\"},"
    "{\"name\":\"poison_then_trap\",\"kind\":\"check\",\"description\":\"marks the instance, then traps\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.poison_then_trap()\"},"
    "{\"name\":\"answer\",\"kind\":\"check\",\"description\":\"passes unless the instance was marked by poison_then_trap\",\"parameters\":[],\"return_type\":\"\",\"example\":\"hostile.answer()\"}]}")

  ;; Inputs go above 64 KiB (bump allocation, never freed: fine for a fixture); 32 KiB scratch for messages.
  (global $heap (mut i32) (i32.const 65536))
  (global $scratch i32 (i32.const 32768))
  (func $alloc (export "alloc") (param $size i32) (result i32)
    (local $p i32) (local $end i32)
    (local.set $p (global.get $heap))
    (local.set $end (i32.and (i32.add (i32.add (local.get $p) (local.get $size)) (i32.const 7)) (i32.const -8)))
    (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq (memory.grow (i32.add (i32.shr_u (local.get $end) (i32.const 16)) (i32.const 1))) (i32.const -1))
          (then (return (i32.const 0))))))
    (global.set $heap (local.get $end))
    (local.get $p))
  (func (export "dealloc") (param i32 i32))
  (func (export "hie_abi_version") (result i32) (i32.const 1))

  (func $strlen (param $p i32) (result i32)
    (local $q i32)
    (local.set $q (local.get $p))
    (block $done (loop $next
      (br_if $done (i32.eqz (i32.load8_u (local.get $q))))
      (local.set $q (i32.add (local.get $q) (i32.const 1)))
      (br $next)))
    (i32.sub (local.get $q) (local.get $p)))
  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32)) (i64.extend_i32_u (local.get $len))))
  (func $text (param $ptr i32) (result i64) (call $pack (local.get $ptr) (call $strlen (local.get $ptr))))

  ;; Appends the constant text at $src to $dst; returns the new end.
  (func $append (param $dst i32) (param $src i32) (result i32)
    (local $n i32)
    (local.set $n (call $strlen (local.get $src)))
    (memory.copy (local.get $dst) (local.get $src) (local.get $n))
    (i32.add (local.get $dst) (local.get $n)))

  ;; Appends the decimal digits of $v (signed) to $dst; returns the new end.
  (func $append_int (param $dst i32) (param $v i64) (result i32)
    (local $digits i32) (local $n i32) (local $i i32)
    (if (i64.lt_s (local.get $v) (i64.const 0))
      (then
        (i32.store8 (local.get $dst) (i32.const 45))  ;; '-'
        (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
        (local.set $v (i64.sub (i64.const 0) (local.get $v)))))
    ;; digits backwards into 20 bytes of scratch below the message, then copied forwards
    (local.set $digits (i32.sub (global.get $scratch) (i32.const 32)))
    (loop $next
      (i32.store8 (i32.add (local.get $digits) (local.get $n))
                  (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $v) (i64.const 10)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $next (i64.ne (local.get $v) (i64.const 0))))
    (local.set $i (local.get $n))
    (block $done (loop $copy
      (br_if $done (i32.eqz (local.get $i)))
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (i32.store8 (local.get $dst) (i32.load8_u (i32.add (local.get $digits) (local.get $i))))
      (local.set $dst (i32.add (local.get $dst) (i32.const 1)))
      (br $copy)))
    (local.get $dst))

  ;; {"Fail":"<prefix><n><suffix>"} in the scratch area.
  (func $fail_number (param $prefix i32) (param $n i64) (param $suffix i32) (result i64)
    (local $end i32)
    (local.set $end (call $append (global.get $scratch) (i32.const 4160)))
    (local.set $end (call $append (local.get $end) (local.get $prefix)))
    (local.set $end (call $append_int (local.get $end) (local.get $n)))
    (local.set $end (call $append (local.get $end) (local.get $suffix)))
    (local.set $end (call $append (local.get $end) (i32.const 4224)))
    (call $pack (global.get $scratch) (i32.sub (local.get $end) (global.get $scratch))))

  ;; A host function's status: >= 0 means it did what was asked (pass), < 0 that it refused (fail with the status).
  (func $status (param $prefix i32) (param $n i64) (result i64)
    (if (result i64) (i64.ge_s (local.get $n) (i64.const 0))
      (then (call $text (i32.const 4096)))
      (else (call $fail_number (local.get $prefix) (local.get $n) (i32.const 0)))))

  (func $read (param $path i32) (result i64)
    (call $status (i32.const 4544)
      (call $read_file (local.get $path) (call $strlen (local.get $path)) (i32.const 40960) (i32.const 4096))))

  (func $recurse (param $depth i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get $depth) (i32.const 1))) (i32.const 1)))
  (func $bounce (type $thunk) (i32.add (call_indirect (type $thunk) (i32.const 0)) (i32.const 1)))

  (func $grow_memory (result i64)
    (block $refused (loop $next
      (br_if $refused (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
      (br $next)))
    (call $fail_number (i32.const 4288) (i64.extend_i32_u (memory.size)) (i32.const 4352)))

  (func $grow_table (result i64)
    (local $i i32)
    (if (i32.ne (table.grow $table (ref.null func) (i32.const 0x10000000)) (i32.const -1))
      (then (return (call $text (i32.const 4992)))))
    (block $refused (loop $next
      (br_if $refused (i32.eq (table.grow $table (ref.null func) (i32.const 1)) (i32.const -1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 10000000))))
      (return (call $fail_number (i32.const 5504) (i64.extend_i32_u (table.size $table)) (i32.const 4480))))
    (call $fail_number (i32.const 4416) (i64.extend_i32_u (table.size $table)) (i32.const 4480)))

  (func $long_loop
    (local $i i64)
    (loop $next
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $next (i64.lt_u (local.get $i) (i64.const 10000000000)))))

  ;; The index of the check named [fn, fn+len), or -1.
  (func $find (param $fn i32) (param $len i32) (result i32)
    (local $i i32) (local $name i32) (local $k i32)
    (block $none (loop $each
      (br_if $none (i32.ge_u (local.get $i) (global.get $check_count)))
      (local.set $name (i32.add (i32.const 1024) (i32.mul (local.get $i) (i32.const 64))))
      (if (i32.eq (call $strlen (local.get $name)) (local.get $len))
        (then
          (local.set $k (i32.const 0))
          (block $differs (loop $byte
            (if (i32.eq (local.get $k) (local.get $len)) (then (return (local.get $i))))
            (br_if $differs (i32.ne (i32.load8_u (i32.add (local.get $fn) (local.get $k)))
                                    (i32.load8_u (i32.add (local.get $name) (local.get $k)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $byte)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $each)))
    (i32.const -1))

  (func (export "library_describe") (result i64) (call $text (i32.const 16384)))

  (func (export "library_call") (param i32 i32 i32 i32 i32 i32) (result i64) (call $text (i32.const 4928)))

  (func (export "library_check") (param $fn i32) (param $fn_len i32) (param $args i32) (param $args_len i32)
                                 (param $ws i32) (param $ws_len i32) (result i64)
    (block $answer (block $poison (block $proc_exit (block $bad_log (block $bad_host_call (block $bad_config
    (block $bad_buffer (block $bad_path (block $read_inside (block $read_symlink (block $read_absolute
    (block $read_dotdot (block $invalid_json (block $too_long (block $out_of_bounds (block $grow_table
    (block $grow_memory (block $indirect (block $deep (block $long (block $infinite (block $unreachable
    (block $divide (block $unknown
      (br_table $divide $unreachable $infinite $long $deep $indirect $grow_memory $grow_table $out_of_bounds
                $too_long $invalid_json $read_dotdot $read_absolute $read_symlink $read_inside $bad_path
                $bad_buffer $bad_config $bad_host_call $bad_log $proc_exit $poison $answer $unknown
                (call $find (local.get $fn) (local.get $fn_len))))
      (return (call $text (i32.const 4928))))
      (drop (i32.div_s (i32.const 1) (global.get $zero)))
      (return (call $text (i32.const 4096))))
      (unreachable))
      (loop $forever (br $forever))
      (unreachable))
      (call $long_loop)
      (return (call $text (i32.const 4096))))
      (drop (call $recurse (i32.const 0)))
      (unreachable))
      (drop (call $bounce))
      (unreachable))
      (return (call $grow_memory)))
      (return (call $grow_table)))
      (return (call $pack (i32.const 0xFFFFFF00) (i32.const 256))))
      (return (call $pack (i32.const 1024) (i32.const 0x7FFFFFFF))))
      (return (call $text (i32.const 4864))))
      (return (call $read (i32.const 5056))))
      (return (call $read (i32.const 5120))))
      (return (call $read (i32.const 5184))))
      (return (call $read (i32.const 5248))))
      (return (call $status (i32.const 4544)
        (call $read_file (i32.const 0xFFFFFFF0) (i32.const 64) (i32.const 40960) (i32.const 16)))))
      (return (call $status (i32.const 4544)
        (call $read_file (i32.const 5248) (i32.const 10) (i32.const 0xFFFFFF00) (i32.const 4096)))))
      (return (call $status (i32.const 4608)
        (call $config_get (i32.const 0xFFFFFFF0) (i32.const 100) (i32.const 40960) (i32.const 16)))))
      (return (call $status (i32.const 4672)
        (call $host_call (i32.const 0xFFFFFFF0) (i32.const 100) (i32.const 0) (i32.const 0)
                         (i32.const 40960) (i32.const 16)))))
      (call $log (i32.const 2) (i32.const 0xFFFFFFF0) (i32.const 1000))
      (return (call $text (i32.const 4736))))
      (call $proc_exit (i32.const 7))
      (return (call $text (i32.const 4800))))
      (global.set $poisoned (i32.const 1))
      (unreachable))
    (if (result i64) (global.get $poisoned)
      (then (call $text (i32.const 5376)))
      (else (call $text (i32.const 4096)))))
)
