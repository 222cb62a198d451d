#!/usr/bin/env bash
# Runs the whole comparison (tlsmachine vs SunJSSE vs BCJSSE) and writes bench/RESULTS.md:
#   JMH: full and resumed handshakes/s, bulk 16 KiB MB/s, model step ns/event (all with -prof gc),
#        the primitives of the crypto floor (provider=fastest);
#   plain JVMs: heap per established pair (N=2000), JVM start to first handshake (a child JVM per sample),
#        JFR profiles (CPU and allocation) of our TLS 1.3 ECDSA handshake loop and AES-128-GCM bulk loop.
#   post-quantum (pq): JMH full TLS 1.3 ECDSA handshakes/s with X25519MLKEM768 and X25519 alone for ours, BCJSSE and
#        BoringSSL (netty-tcnative, in memory like the others), and a JFR profile of our hybrid handshake loop;
#   Netty (netty): echo over loopback sockets (NIO) with our provider, SunJSSE, BCJSSE and BoringSSL: full handshakes/s
#        with 1 and 64 connections at once, bulk MB/s of 16 KiB writes, and JFR profiles of ours in both.
# Full run: about 16-18 minutes on 2 cores. QUICK=1: about 7-8 minutes, fewer and shorter iterations.
# ONLY=pq,netty (any of handshake, floor, heap, first, profile, pq, netty; default: all) runs those sections alone,
# and RESULTS.md then holds only them.
# Override: WARMUPS, WARMUP_TIME, ITERATIONS, ITERATION_TIME, PAIRS, SAMPLES, PROFILE_SECONDS, NETTY_WARMUP,
# NETTY_ROUNDS, NETTY_ROUND_SECONDS, TLSM_BUILD.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${TLSM_BUILD:-target-bench}"
if [[ "${QUICK:-0}" == "1" ]]; then
  : "${WARMUPS:=1}" "${WARMUP_TIME:=1s}" "${ITERATIONS:=3}" "${ITERATION_TIME:=1s}" "${PAIRS:=2000}" "${SAMPLES:=3}" "${PROFILE_SECONDS:=8}"
  : "${NETTY_WARMUP:=2}" "${NETTY_ROUNDS:=3}" "${NETTY_ROUND_SECONDS:=1}"
else
  : "${WARMUPS:=3}" "${WARMUP_TIME:=1s}" "${ITERATIONS:=6}" "${ITERATION_TIME:=1s}" "${PAIRS:=2000}" "${SAMPLES:=5}" "${PROFILE_SECONDS:=15}"
  : "${NETTY_WARMUP:=3}" "${NETTY_ROUNDS:=5}" "${NETTY_ROUND_SECONDS:=2}"
fi
ONLY="${ONLY:-handshake,floor,heap,first,profile,pq,netty}"
want() { [[ ",$ONLY," == *",$1,"* ]]; }
OUT="bench/$BUILD/run"
mkdir -p "$OUT"
rm -f "$OUT"/*
JAR="bench/$BUILD/benchmarks.jar"
GROUPS_PROP="-Djdk.tls.namedGroups=x25519,secp256r1"
cat /proc/loadavg > "$OUT/load-before.txt"
date -u +%Y-%m-%dT%H:%M:%SZ > "$OUT/started.txt"

mvn -q -B -Dtlsm.build="$BUILD" -pl bench -am -Dmaven.test.skip=true package

JMH=(-f 1 -wi "$WARMUPS" -w "$WARMUP_TIME" -i "$ITERATIONS" -r "$ITERATION_TIME")
jfr_json() { # recording -> the samples report.py reads
  jfr print --json --events jdk.ExecutionSample,jdk.ObjectAllocationSample --stack-depth 64 "$1" > "${1%.jfr}-jfr.json" 2>/dev/null || true
}
if want handshake; then
  echo "== JMH: handshakes, bulk, model step" >&2
  java -jar "$JAR" 'handshake\.(Full|Resumed)HandshakeBenchmark|handshake\.(Bulk|ModelStep)Benchmark' "${JMH[@]}" \
    -prof gc -rf json -rff "$OUT/handshake.json" > "$OUT/handshake.log" 2>&1 || true
fi
if want floor; then
  echo "== JMH: primitives of the crypto floor (provider=fastest)" >&2
  java -jar "$JAR" 'crypto\.(KeyExchange|Sign|Verify|Hmac|Digest|Aead)Benchmark' "${JMH[@]}" -bm avgt -tu us \
    -p provider=fastest -p group=X25519 -p scheme=ECDSA_SECP256R1_SHA256,RSA_PSS_RSAE_SHA256,RSA_PKCS1_SHA256 \
    -p hash=SHA256 -p algorithm=AES_128_GCM -rf json -rff "$OUT/floor.json" > "$OUT/floor.log" 2>&1 || true
fi

if want heap; then
  echo "== heap per established pair" >&2
  for stack in tlsmachine sunjsse bcjsse; do
    java "$GROUPS_PROP" -cp "$JAR" io.tlsmachine.bench.handshake.HeapPerConnection "$stack" "$PAIRS" 2>/dev/null \
      | grep '^heap' >> "$OUT/heap.txt" || echo "heap $stack $PAIRS failed" >> "$OUT/heap.txt"
  done
fi

if want first; then
  echo "== JVM start to first handshake" >&2
  for sample in $(seq "$SAMPLES"); do
    for stack in tlsmachine sunjsse; do
      java "$GROUPS_PROP" -cp "$JAR" io.tlsmachine.bench.handshake.FirstHandshake "$stack" 2>/dev/null \
        | grep '^first' >> "$OUT/first.txt" || echo "first $stack failed" >> "$OUT/first.txt"
    done
  done
fi

if want profile; then
  echo "== JFR profile of our TLS 1.3 ECDSA handshake loop" >&2
  java "$GROUPS_PROP" -XX:StartFlightRecording=filename="$OUT/loop.jfr",settings=profile -cp "$JAR" \
    io.tlsmachine.bench.handshake.HandshakeLoop tlsmachine 1.3 ec "$PROFILE_SECONDS" 2>/dev/null | grep '^loop' > "$OUT/loop.txt" || true
  jfr_json "$OUT/loop.jfr"
  echo "== JFR profile of our AES-128-GCM bulk loop" >&2
  java "$GROUPS_PROP" -XX:StartFlightRecording=filename="$OUT/bulk.jfr",settings=profile -cp "$JAR" \
    io.tlsmachine.bench.handshake.BulkLoop tlsmachine TLS_AES_128_GCM_SHA256 "$PROFILE_SECONDS" 2>/dev/null | grep '^bulk' > "$OUT/bulk.txt" || true
  jfr_json "$OUT/bulk.jfr"
fi

if want pq; then
  echo "== JMH: post-quantum handshakes (X25519MLKEM768 vs X25519; ours, BCJSSE, BoringSSL)" >&2
  java -jar "$JAR" 'handshake\.FullHandshakeBenchmark' "${JMH[@]}" -p stack=tlsmachine,bcjsse,boringssl \
    -p version=1.3 -p cert=ec -p group=X25519MLKEM768,x25519 -prof gc -rf json -rff "$OUT/pq.json" > "$OUT/pq.log" 2>&1 || true
  echo "== JFR profile of our X25519MLKEM768 handshake loop" >&2
  java "$GROUPS_PROP" -XX:StartFlightRecording=filename="$OUT/pq-loop.jfr",settings=profile -cp "$JAR" \
    io.tlsmachine.bench.handshake.HandshakeLoop tlsmachine 1.3 ec "$PROFILE_SECONDS" X25519MLKEM768 2>/dev/null \
    | grep '^loop' > "$OUT/pq-loop.txt" || true
  jfr_json "$OUT/pq-loop.jfr"
fi

if want netty; then
  echo "== Netty echo over loopback: handshakes with 1 and 64 connections, bulk 16 KiB writes" >&2
  NETTY=("$NETTY_WARMUP" "$NETTY_ROUNDS" "$NETTY_ROUND_SECONDS")
  netty() { # stack group workload... -> netty.txt (a failed run leaves its reason in netty.log)
    java "$GROUPS_PROP" -cp "$JAR" io.tlsmachine.bench.handshake.NettyEcho "$@" "${NETTY[@]}" 2>>"$OUT/netty.log" \
      | grep '^netty' >> "$OUT/netty.txt" || echo "netty $1 $2 $3 failed" >> "$OUT/netty.txt"
  }
  for run in "tlsmachine_jsse x25519" "sunjsse x25519" "bcjsse x25519" "boringssl x25519"; do
    netty $run handshakes 1
    netty $run handshakes 64
    netty $run bulk
  done
  for run in "tlsmachine_jsse X25519MLKEM768" "boringssl X25519MLKEM768"; do
    netty $run handshakes 1
    netty $run handshakes 64
  done
  echo "== JFR profiles of our provider in the Netty echo (64 connections; bulk)" >&2
  for workload in "handshakes 64" "bulk"; do
    name="netty-${workload// */}"
    java "$GROUPS_PROP" -XX:StartFlightRecording=filename="$OUT/$name.jfr",settings=profile -cp "$JAR" \
      io.tlsmachine.bench.handshake.NettyEcho tlsmachine_jsse X25519MLKEM768 $workload 1 1 "$PROFILE_SECONDS" 2>/dev/null \
      | grep '^netty' > "$OUT/$name.txt" || true
    jfr_json "$OUT/$name.jfr"
  done
fi

cat /proc/loadavg > "$OUT/load-after.txt"
python3 bench/report.py "$OUT" "${QUICK:-0}" "$WARMUPS x $WARMUP_TIME, $ITERATIONS x $ITERATION_TIME, 1 fork" "$ONLY" \
  "$NETTY_WARMUP s warm-up, $NETTY_ROUNDS x $NETTY_ROUND_SECONDS s" > bench/RESULTS.md
echo "wrote bench/RESULTS.md" >&2
