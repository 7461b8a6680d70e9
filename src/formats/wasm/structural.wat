;; SIMD structural index (simdjson's stage 1 in miniature): writes the offsets of every byte
;; equal to a, b or c in [in, in+len) to out as u32, 32 bytes per step. The caller pads the input
;; with 32 zero bytes (never a target). Build: wat2wasm structural.wat -o /dev/stdout | base64 -w0
;; and paste into ../structural.ts (the build needs no wasm toolchain; see that file).
(module
  (memory (export "memory") 1)
  (func (export "index") (param $in i32) (param $len i32) (param $out i32) (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local $i i32) (local $bits i32) (local $o i32)
    (local $va v128) (local $vb v128) (local $vc v128) (local $v v128) (local $w v128)
    (local.set $va (i8x16.splat (local.get $a)))
    (local.set $vb (i8x16.splat (local.get $b)))
    (local.set $vc (i8x16.splat (local.get $c)))
    (local.set $o (local.get $out))
    (block $done
      (loop $loop
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $v (v128.load (i32.add (local.get $in) (local.get $i))))
        (local.set $w (v128.load offset=16 (i32.add (local.get $in) (local.get $i))))
        (local.set $bits (i32.or
          (i8x16.bitmask (v128.or (v128.or (i8x16.eq (local.get $v) (local.get $va)) (i8x16.eq (local.get $v) (local.get $vb))) (i8x16.eq (local.get $v) (local.get $vc))))
          (i32.shl (i8x16.bitmask (v128.or (v128.or (i8x16.eq (local.get $w) (local.get $va)) (i8x16.eq (local.get $w) (local.get $vb))) (i8x16.eq (local.get $w) (local.get $vc)))) (i32.const 16))))
        (block $nobits
          (loop $bitloop
            (br_if $nobits (i32.eqz (local.get $bits)))
            (i32.store (local.get $o) (i32.add (local.get $i) (i32.ctz (local.get $bits))))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (br $bitloop)))
        (local.set $i (i32.add (local.get $i) (i32.const 32)))
        (br $loop)))
    (i32.shr_u (i32.sub (local.get $o) (local.get $out)) (i32.const 2)))
)
