#!/usr/bin/env bash
# The long fuzzing campaign of verification/FUZZING.md: each Jazzer target in a Maven run of its own, fuzzed until it
# has run its number of executions (libFuzzer's -runs) or MAX_DURATION, whichever comes first. Writes each target's
# closing figures (executions, seconds, exec/s, coverage, result) as a Markdown table for FUZZING.md's "Runs here" to
# impl/$TLSM_BUILD/fuzz-campaign/figures.md (and to stdout), and each target's output to the same folder's <target>.log.
#
# Usage: verification/fuzz-campaign.sh [TARGET ...]      (default: all six, e.g. ServerEngineFuzzTest)
# Environment: DECODER_EXECUTIONS (default 10000000), ENGINE_EXECUTIONS (default 1000000), MAX_DURATION (default 12h
# per target), TLSM_BUILD (default target-fuzz), MVN_OFFLINE (default -o; set it empty to let Maven download).
# At the rates FUZZING.md records (2-core machine), the defaults take about 10 to 45 minutes per decoder target and
# 20 to 90 minutes per engine target.
set -uo pipefail
cd "$(dirname "$0")/.."
decoders=(RecordReaderFuzzTest HandshakeMessageFuzzTest ExtensionBlockFuzzTest CertificateInputFuzzTest)
engines=(ServerEngineFuzzTest ClientEngineFuzzTest)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${decoders[@]}" "${engines[@]}")
build="${TLSM_BUILD:-target-fuzz}"
logs="impl/$build/fuzz-campaign"
table="$logs/figures.md"
mkdir -p "$logs"
{
  echo "Campaign of $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg);"
  echo "\`verification/fuzz-campaign.sh\` with DECODER_EXECUTIONS=${DECODER_EXECUTIONS:-10000000},"
  echo "ENGINE_EXECUTIONS=${ENGINE_EXECUTIONS:-1000000}, MAX_DURATION=${MAX_DURATION:-12h}."
  echo
  echo "| target | executions | seconds | exec/s | cov / ft | result |"
  echo "| --- | ---: | ---: | ---: | --- | --- |"
} > "$table"
failed=0
for target in "${targets[@]}"; do
  case " ${engines[*]} " in
    *" $target "*) runs="${ENGINE_EXECUTIONS:-1000000}" ;;
    *) runs="${DECODER_EXECUTIONS:-10000000}" ;;
  esac
  log="$logs/$target.log"
  echo "== $target: $runs executions at most, ${MAX_DURATION:-12h} at most (log: $log)" >&2
  # libFuzzer writes to the forked JVM's native stderr, which Surefire keeps in .dumpstream files: start without old ones.
  rm -f impl/"$build"/surefire-reports/*.dumpstream
  mvn -B ${MVN_OFFLINE--o} -Dtlsm.build="$build" -pl impl -am test -Dtlsm.fuzz.skip=false \
    -Dtlsm.fuzz.duration="${MAX_DURATION:-12h}" -Dtlsm.fuzz.executions="$runs" \
    -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1
  status=$?
  cat impl/"$build"/surefire-reports/*.dumpstream >> "$log" 2>/dev/null
  # libFuzzer's closing lines: "#N DONE cov: C ft: F corp: ... exec/s: E rss: ..." and "Done N runs in S second(s)".
  closing=$(grep -aoE 'DONE +cov: [0-9]+ ft: [0-9]+ .*exec/s: [0-9]+' "$log" | tail -n 1)
  done_runs=$(grep -aoE 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n 1)
  executions=$(sed -E 's/Done ([0-9]+) runs.*/\1/' <<< "$done_runs")
  seconds=$(sed -E 's/.* in ([0-9]+) second/\1/' <<< "$done_runs")
  cov=$(sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+).*/\1 \/ \2/' <<< "$closing")
  rate=$(sed -E 's/.*exec\/s: ([0-9]+)/\1/' <<< "$closing")
  if [ "$status" -eq 0 ] && [ -n "$done_runs" ]; then
    result="no findings"
  else
    result="**failed** (exit $status; a finding is a crash-* file in the target's inputs directory; see the log)"
    failed=1
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$target" "${executions:-?}" "${seconds:-?}" "${rate:-?}" "${cov:-?}" \
    "$result" >> "$table"
done
cat "$table"
exit "$failed"
