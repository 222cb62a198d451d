#!/usr/bin/env bash
# Runs the whole comparison (tlsmachine vs SunJSSE vs BCJSSE) and writes bench/RESULTS.md:
#   JMH: full and resumed handshakes/s, bulk 16 KiB MB/s, model step ns/event (all with -prof gc),
#        the primitives of the crypto floor (provider=fastest);
#   plain JVMs: heap per established pair (N=2000), JVM start to first handshake (a child JVM per sample),
#        JFR profiles (CPU and allocation) of our TLS 1.3 ECDSA handshake loop and AES-128-GCM bulk loop.
# Full run: about 10-12 minutes on 2 cores. QUICK=1: about 4-5 minutes, fewer and shorter iterations.
# Override: WARMUPS, WARMUP_TIME, ITERATIONS, ITERATION_TIME, PAIRS, SAMPLES, PROFILE_SECONDS, TLSM_BUILD.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${TLSM_BUILD:-target-bench}"
if [[ "${QUICK:-0}" == "1" ]]; then
  : "${WARMUPS:=1}" "${WARMUP_TIME:=1s}" "${ITERATIONS:=3}" "${ITERATION_TIME:=1s}" "${PAIRS:=2000}" "${SAMPLES:=3}" "${PROFILE_SECONDS:=8}"
else
  : "${WARMUPS:=3}" "${WARMUP_TIME:=1s}" "${ITERATIONS:=6}" "${ITERATION_TIME:=1s}" "${PAIRS:=2000}" "${SAMPLES:=5}" "${PROFILE_SECONDS:=15}"
fi
OUT="bench/$BUILD/run"
mkdir -p "$OUT"
rm -f "$OUT"/*
JAR="bench/$BUILD/benchmarks.jar"
GROUPS_PROP="-Djdk.tls.namedGroups=x25519,secp256r1"
cat /proc/loadavg > "$OUT/load-before.txt"
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/started.txt"

mvn -q -B -Dtlsm.build="$BUILD" -pl bench -am -Dmaven.test.skip=true package

JMH=(-f 1 -wi "$WARMUPS" -w "$WARMUP_TIME" -i "$ITERATIONS" -r "$ITERATION_TIME")
echo "== JMH: handshakes, bulk, model step" >&2
java -jar "$JAR" 'handshake\.' "${JMH[@]}" -prof gc -rf json -rff "$OUT/handshake.json" > "$OUT/handshake.log" 2>&1 || true
echo "== JMH: primitives of the crypto floor (provider=fastest)" >&2
java -jar "$JAR" 'crypto\.(KeyExchange|Sign|Verify|Hmac|Digest|Aead)Benchmark' "${JMH[@]}" -bm avgt -tu us \
  -p provider=fastest -p group=X25519 -p scheme=ECDSA_SECP256R1_SHA256,RSA_PSS_RSAE_SHA256,RSA_PKCS1_SHA256 \
  -p hash=SHA256 -p algorithm=AES_128_GCM -rf json -rff "$OUT/floor.json" > "$OUT/floor.log" 2>&1 || true

echo "== heap per established pair" >&2
for stack in tlsmachine sunjsse bcjsse; do
  java "$GROUPS_PROP" -cp "$JAR" io.tlsmachine.bench.handshake.HeapPerConnection "$stack" "$PAIRS" 2>/dev/null \
    | grep '^heap' >> "$OUT/heap.txt" || echo "heap $stack $PAIRS failed" >> "$OUT/heap.txt"
done

echo "== JVM start to first handshake" >&2
for sample in $(seq "$SAMPLES"); do
  for stack in tlsmachine sunjsse; do
    java "$GROUPS_PROP" -cp "$JAR" io.tlsmachine.bench.handshake.FirstHandshake "$stack" 2>/dev/null \
      | grep '^first' >> "$OUT/first.txt" || echo "first $stack failed" >> "$OUT/first.txt"
  done
done

echo "== JFR profile of our TLS 1.3 ECDSA handshake loop" >&2
java "$GROUPS_PROP" -XX:StartFlightRecording=filename="$OUT/loop.jfr",settings=profile -cp "$JAR" \
  io.tlsmachine.bench.handshake.HandshakeLoop tlsmachine 1.3 ec "$PROFILE_SECONDS" 2>/dev/null | grep '^loop' > "$OUT/loop.txt" || true
jfr print --json --events jdk.ExecutionSample,jdk.ObjectAllocationSample --stack-depth 64 "$OUT/loop.jfr" \
  > "$OUT/loop-jfr.json" 2>/dev/null || true
echo "== JFR profile of our AES-128-GCM bulk loop" >&2
java "$GROUPS_PROP" -XX:StartFlightRecording=filename="$OUT/bulk.jfr",settings=profile -cp "$JAR" \
  io.tlsmachine.bench.handshake.BulkLoop tlsmachine TLS_AES_128_GCM_SHA256 "$PROFILE_SECONDS" 2>/dev/null | grep '^bulk' > "$OUT/bulk.txt" || true
jfr print --json --events jdk.ExecutionSample,jdk.ObjectAllocationSample --stack-depth 64 "$OUT/bulk.jfr" \
  > "$OUT/bulk-jfr.json" 2>/dev/null || true

cat /proc/loadavg > "$OUT/load-after.txt"
python3 bench/report.py "$OUT" "${QUICK:-0}" "$WARMUPS x $WARMUP_TIME, $ITERATIONS x $ITERATION_TIME, 1 fork" > bench/RESULTS.md
echo "wrote bench/RESULTS.md" >&2
