;; The `wasm` kernel: the exact sum of every integer in [from, to), added one
;; element at a time in WebAssembly SIMD.
;;
;; Eight elements per iteration: four independent i64x2 accumulators, each fed
;; its own vector of two consecutive elements, so the additions do not wait
;; on one another. A lane may overflow i64 once it holds more than 1024
;; elements of magnitude up to 2^53, so every BLOCK (256 iterations: each lane
;; of the four accumulators together holds 4·256 = 1024 elements) the lanes are
;; flushed into a 128-bit accumulator (hi:lo, two's complement). Exact for any
;; range of safe integers, and equally fast near 0 and near ±2^53.
;;
;; The caller passes the bounds as f64 (exact for safe integers) and reads the
;; 128-bit sum back through `hi` and `lo`.
(module
  (global $hi (mut i64) (i64.const 0))
  (global $lo (mut i64) (i64.const 0))

  ;; (hi:lo) += x, x sign-extended to 128 bits.
  (func $add128 (param $x i64)
    (local $sum i64)
    (local.set $sum (i64.add (global.get $lo) (local.get $x)))
    (global.set $hi
      (i64.add
        (i64.add (global.get $hi) (i64.shr_s (local.get $x) (i64.const 63)))
        (i64.extend_i32_u (i64.lt_u (local.get $sum) (global.get $lo)))))
    (global.set $lo (local.get $sum)))

  (func (export "hi") (result i64) (global.get $hi))
  (func (export "lo") (result i64) (global.get $lo))

  ;; Sets (hi:lo) to the sum of [from, to).
  (func (export "sumRange") (param $from f64) (param $to f64)
    (local $i i64)
    (local $end i64)
    (local $iterations i64)
    (local $block i32)
    (local $k i32)
    (local $step v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (global.set $hi (i64.const 0))
    (global.set $lo (i64.const 0))
    (local.set $i (i64.trunc_f64_s (local.get $from)))
    (local.set $end (i64.trunc_f64_s (local.get $to)))
    (if (i64.le_s (local.get $end) (local.get $i)) (then (return)))
    (local.set $iterations (i64.shr_u (i64.sub (local.get $end) (local.get $i)) (i64.const 3)))
    (local.set $step (i64x2.splat (i64.const 8)))
    ;; v0 = [i, i+1], v1 = [i+2, i+3], v2 = [i+4, i+5], v3 = [i+6, i+7]
    (local.set $v0
      (i64x2.add (i64x2.splat (local.get $i)) (v128.const i64x2 0 1)))
    (local.set $v1 (i64x2.add (local.get $v0) (v128.const i64x2 2 2)))
    (local.set $v2 (i64x2.add (local.get $v0) (v128.const i64x2 4 4)))
    (local.set $v3 (i64x2.add (local.get $v0) (v128.const i64x2 6 6)))
    (block $done
      (loop $blocks
        (br_if $done (i64.eqz (local.get $iterations)))
        (local.set $block
          (if (result i32) (i64.gt_u (local.get $iterations) (i64.const 256))
            (then (i32.const 256))
            (else (i32.wrap_i64 (local.get $iterations)))))
        (local.set $iterations
          (i64.sub (local.get $iterations) (i64.extend_i32_u (local.get $block))))
        (local.set $a0 (v128.const i64x2 0 0))
        (local.set $a1 (v128.const i64x2 0 0))
        (local.set $a2 (v128.const i64x2 0 0))
        (local.set $a3 (v128.const i64x2 0 0))
        (local.set $k (local.get $block))
        (loop $elements
          (local.set $a0 (i64x2.add (local.get $a0) (local.get $v0)))
          (local.set $a1 (i64x2.add (local.get $a1) (local.get $v1)))
          (local.set $a2 (i64x2.add (local.get $a2) (local.get $v2)))
          (local.set $a3 (i64x2.add (local.get $a3) (local.get $v3)))
          (local.set $v0 (i64x2.add (local.get $v0) (local.get $step)))
          (local.set $v1 (i64x2.add (local.get $v1) (local.get $step)))
          (local.set $v2 (i64x2.add (local.get $v2) (local.get $step)))
          (local.set $v3 (i64x2.add (local.get $v3) (local.get $step)))
          (br_if $elements
            (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
        ;; Each lane now holds at most 4·256 = 1024 elements: |lane| < 2^63.
        (local.set $a0
          (i64x2.add (i64x2.add (local.get $a0) (local.get $a1))
                     (i64x2.add (local.get $a2) (local.get $a3))))
        (call $add128 (i64x2.extract_lane 0 (local.get $a0)))
        (call $add128 (i64x2.extract_lane 1 (local.get $a0)))
        (br $blocks)))
    ;; The last (to − from) mod 8 elements, one at a time.
    (local.set $i (i64x2.extract_lane 0 (local.get $v0)))
    (block $tail
      (loop $rest
        (br_if $tail (i64.ge_s (local.get $i) (local.get $end)))
        (call $add128 (local.get $i))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $rest))))
)
