;; oversized_memory.wat: declares 2048 pages (128 MiB) of initial memory, more than the 64 MiB cap: refused at load
;; Otherwise a correct ABI v1 module with one check, `run`, that passes.
(module

  (memory (export "memory") 2048)
  (data (i32.const 1024) "{\"name\":\"oversized_memory\",\"version\":\"1.0.0\",\"description\":\"declares 2048 pages (128 MiB) of initial memory, more than the 64 MiB cap: refused at load\",\"functions\":[{\"name\":\"run\",\"kind\":\"check\",\"description\":\"passes\",\"parameters\":[],\"return_type\":\"\",\"example\":\"\"}],\"capabilities\":[]}")
  (data (i32.const 4096) "{\"Pass\":null}")
  (func (export "hie_abi_version") (result i32) (i32.const 1))
  (func (export "alloc") (param i32) (result i32) (i32.const 8192))
  (func (export "dealloc") (param i32 i32))
  (func (export "library_describe") (result i64) (i64.const 0x4000000011b))
  (func (export "library_call") (param i32 i32 i32 i32 i32 i32) (result i64) (i64.const 0x10000000000d))
  (func (export "library_check") (param i32 i32 i32 i32 i32 i32) (result i64) (i64.const 0x10000000000d))
)
