# Sourced by the scripts that start chatprep's Spark driver in their own JVM (scripts/chatprep, scripts/bench/session).
# gc_choice "JAVA OPTIONS": prints the garbage collector option to add to them, or nothing.
#
# On one or two cores, the parallel collector. A run's garbage is short-lived (rows, their texts and token arrays);
# what differs between collectors is the rest. G1's write barriers cost more on every store, and its concurrent
# threads take the core the JIT compiler needs while a fresh JVM warms up: a fresh run's job took 10-20% longer
# with G1 than with the serial collector. The serial collector keeps a small young generation and copies every
# task's rows in flight at each of its hundreds of collections, all on one thread while every task waits: 4-5 s
# of a 1 M-row run, against 1-2.4 s for the parallel collector, which sizes its young generation to the run and
# collects on both cores; the 1 M-row runs took 7-12% less time with it, fresh small runs the same
# (docs/benchmarks.md, "The collector"). More cores keep the JVM's own choice, and options that already name a
# collector are left as they are.
gc_choice() {
  local opts="$1" cores
  if [[ " $opts " =~ [[:space:]]-XX:\+Use[A-Za-z0-9]+GC[[:space:]] ]]; then
    return 0
  fi
  cores="$(nproc 2>/dev/null || echo 0)"
  if [ "$cores" -ge 1 ] && [ "$cores" -le 2 ]; then
    echo "-XX:+UseParallelGC"
  fi
}
