# Sourced by the scripts that start chatprep's Spark driver in their own JVM (scripts/chatprep, bench-session).
# gc_choice "JAVA OPTIONS": prints the garbage collector option to add to them, or nothing.
#
# On one or two cores, the serial collector. A run's garbage is short-lived (rows, their texts and token arrays),
# so young collections are cheap in any collector; what differs is the rest: G1's write barriers cost more on
# every store, and its concurrent threads take the core the JIT compiler needs while a fresh JVM warms up. Measured
# on two cores: a fresh 'chatprep run' job took 10-20% longer with G1 than with the serial collector, local[1]
# and local[2] alike; warm runs in one session were the same (README, Benchmarks). More cores keep the JVM's own
# choice, and options that already name a collector are left as they are.
gc_choice() {
  local opts="$1" cores
  if [[ " $opts " =~ [[:space:]]-XX:\+Use[A-Za-z0-9]+GC[[:space:]] ]]; then
    return 0
  fi
  cores="$(nproc 2>/dev/null || echo 0)"
  if [ "$cores" -ge 1 ] && [ "$cores" -le 2 ]; then
    echo "-XX:+UseSerialGC"
  fi
}
