#!/usr/bin/env bash
# Measures every crypto primitive with the JDK and the Bouncy Castle provider, and writes
# bench/CRYPTO.md, the table CryptoProviders.fastest() is set from.
# Short but honest settings: about 6 minutes on 2 cores. Override with
#   WARMUPS=2 WARMUP_MS=400 ITERATIONS=7 ITERATION_MS=400 FORKS=1 bench/crypto.sh
# Re-measure some rows only (merged into the existing table, which says so) with a JMH include pattern:
#   INCLUDE='io.tlsmachine.bench.crypto.KemExchangeBenchmark' bench/crypto.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${TLSM_BUILD:-target-bench}"
mvn -q -B -Dtlsm.build="$BUILD" -pl bench -am -Dmaven.test.skip=true package
java -cp "bench/$BUILD/benchmarks.jar" io.tlsmachine.bench.crypto.CryptoReport bench/CRYPTO.md \
  "${WARMUPS:-2}" "${WARMUP_MS:-400}" "${ITERATIONS:-7}" "${ITERATION_MS:-400}" "${FORKS:-1}" ${INCLUDE:+"$INCLUDE"}
