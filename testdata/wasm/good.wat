;; good.wat: a complete hie plugin (ABI v1, PLUGINS.md §3) written by hand, to show the ABI without any toolchain:
;; `wat2wasm good.wat -o good.wasm`. A check that reads its arguments (`not_empty`), a check that calls another
;; library through the host (`delegate`), and a selector that logs and reads its configuration (`greeting`).
(module
  (import "hie" "log" (func $log (param i32 i32 i32)))
  (import "hie" "config_get" (func $config_get (param i32 i32 i32 i32) (result i64)))
  (import "hie" "host_call" (func $host_call (param i32 i32 i32 i32 i32 i32) (result i64)))

  (memory (export "memory") 1)

  ;; Constant texts, NUL-terminated (memory starts zeroed), each in its own 256-byte slot (the self-description
  ;; has four). Results may point straight into this data: dealloc of them is a no-op.
  (data (i32.const 1024)
    "{\"name\":\"good\",\"version\":\"1.0.0\",\"description\":\"A plugin written in WAT\",\"functions\":["
    "{\"name\":\"not_empty\",\"kind\":\"check\",\"description\":\"Passes when the scope has files\","
    "\"parameters\":[{\"name\":\"scope\",\"type\":\"scope\",\"description\":\"the files\"}],"
    "\"return_type\":\"\",\"example\":\"good.not_empty(src)\"},"
    "{\"name\":\"delegate\",\"kind\":\"check\",\"description\":\"files.exists, called through host_call\","
    "\"parameters\":[{\"name\":\"scope\",\"type\":\"scope\",\"description\":\"where to look\"},"
    "{\"name\":\"name\",\"type\":\"string\",\"description\":\"a file name\"}],"
    "\"return_type\":\"\",\"example\":\"good.delegate(src, 'main.c')\"},"
    "{\"name\":\"greeting\",\"kind\":\"selector\",\"description\":\"The string config `greeting`, else 'hello from WAT'\","
    "\"parameters\":[],\"return_type\":\"string\",\"example\":\"good.greeting()\"}],\"capabilities\":[]}")
  (data (i32.const 2048) "not_empty")
  (data (i32.const 2304) "delegate")
  (data (i32.const 2560) "greeting")
  (data (i32.const 2816) "\"paths\":[]")
  (data (i32.const 3072) "{\"Pass\":null}")
  (data (i32.const 3328) "{\"Fail\":\"the scope has no files\"}")
  (data (i32.const 3584) "{\"String\":\"hello from WAT\"}")
  (data (i32.const 3840) "greeting called")
  (data (i32.const 4096) "files.exists")
  (data (i32.const 4352) "{\"Error\":\"host_call was refused: is 'files' in capabilities.libraries?\"}")
  (data (i32.const 4608) "{\"error\":{\"code\":\"E055\",\"message\":\"good has no function of that name\"}}")
  (data (i32.const 4864) "{\"String\":\"")

  ;; A bump allocator above the constants; the host allocates the inputs here. Nothing is freed, which is fine
  ;; for a fixture; memory grows on demand.
  (global $heap (mut i32) (i32.const 8192))
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

  ;; (ptr << 32) | len
  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (i64.or (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32)) (i64.extend_i32_u (local.get $len))))
  (func $text (param $ptr i32) (result i64) (call $pack (local.get $ptr) (call $strlen (local.get $ptr))))

  ;; Whether bytes [a, a+len) equal the constant text at b.
  (func $is (param $a i32) (param $len i32) (param $b i32) (result i32)
    (if (i32.ne (local.get $len) (call $strlen (local.get $b))) (then (return (i32.const 0))))
    (block $done (loop $next
      (br_if $done (i32.eqz (local.get $len)))
      (if (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b))) (then (return (i32.const 0))))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (local.set $len (i32.sub (local.get $len) (i32.const 1)))
      (br $next)))
    (i32.const 1))

  ;; Whether bytes [text, text+len) contain the constant text at needle.
  (func $contains (param $text i32) (param $len i32) (param $needle i32) (result i32)
    (local $n i32)
    (local.set $n (call $strlen (local.get $needle)))
    (block $done (loop $next
      (br_if $done (i32.lt_u (local.get $len) (local.get $n)))
      (if (call $is (local.get $text) (local.get $n) (local.get $needle)) (then (return (i32.const 1))))
      (local.set $text (i32.add (local.get $text) (i32.const 1)))
      (local.set $len (i32.sub (local.get $len) (i32.const 1)))
      (br $next)))
    (i32.const 0))

  (func (export "library_describe") (result i64) (call $text (i32.const 1024)))

  (func (export "library_check") (param $fn i32) (param $fn_len i32) (param $args i32) (param $args_len i32)
                                 (param $ws i32) (param $ws_len i32) (result i64)
    (local $buf i32) (local $n i64)
    ;; not_empty(scope): the host sends an empty scope as "paths":[].
    (if (call $is (local.get $fn) (local.get $fn_len) (i32.const 2048))
      (then
        (if (call $contains (local.get $args) (local.get $args_len) (i32.const 2816))
          (then (return (call $text (i32.const 3328)))))
        (return (call $text (i32.const 3072)))))
    ;; delegate(scope, name): the same arguments handed to files.exists; its check result is returned as it is.
    (if (call $is (local.get $fn) (local.get $fn_len) (i32.const 2304))
      (then
        (local.set $buf (call $alloc (i32.const 4096)))
        (local.set $n (call $host_call (i32.const 4096) (i32.const 12) (local.get $args) (local.get $args_len)
                                       (local.get $buf) (i32.const 4096)))
        (if (i64.lt_s (local.get $n) (i64.const 0)) (then (return (call $text (i32.const 4352)))))
        (if (i64.gt_s (local.get $n) (i64.const 4096)) (then (unreachable)))
        (return (call $pack (local.get $buf) (i32.wrap_i64 (local.get $n))))))
    (call $text (i32.const 4608)))

  (func (export "library_call") (param $fn i32) (param $fn_len i32) (param $args i32) (param $args_len i32)
                                (param $ws i32) (param $ws_len i32) (result i64)
    (local $buf i32) (local $n i64)
    (if (call $is (local.get $fn) (local.get $fn_len) (i32.const 2560))
      (then
        (call $log (i32.const 1) (i32.const 3840) (call $strlen (i32.const 3840)))
        ;; {"String":"<config greeting>"} when configured (a value without quotes or backslashes), else the default.
        (local.set $buf (call $alloc (i32.const 512)))
        (memory.copy (local.get $buf) (i32.const 4864) (i32.const 11))
        (local.set $n (call $config_get (i32.const 2560) (i32.const 8) (i32.add (local.get $buf) (i32.const 11))
                                        (i32.const 480)))
        (if (i32.or (i64.lt_s (local.get $n) (i64.const 0)) (i64.gt_s (local.get $n) (i64.const 480)))
          (then (return (call $text (i32.const 3584)))))
        ;; close with "} (0x22 0x7d, little-endian)
        (i32.store16 (i32.add (local.get $buf) (i32.add (i32.const 11) (i32.wrap_i64 (local.get $n))))
                     (i32.const 0x7d22))
        (return (call $pack (local.get $buf) (i32.add (i32.const 13) (i32.wrap_i64 (local.get $n)))))))
    (call $text (i32.const 4608)))
)
