# Sourced by the scripts that build chatprep and run it from target/ (with $root set to the project directory).

# maven ARGS...: a quiet Maven run in $root, offline first (the local repository usually holds everything), online
# if that fails; its output goes to stderr.
maven() {
  (cd "$root" && { mvn -B -q -Dstyle.color=never -o "$@" 2>/dev/null || mvn -B -q -Dstyle.color=never "$@"; }) >&2
}

# build_if_stale MARKER SOURCE...: runs 'mvn package' when MARKER or target/lib is missing or any file under the
# SOURCE paths is newer than MARKER. Builds only when needed: the benchmarks sample their own process tree's
# memory, which a Maven run would dominate.
build_if_stale() {
  local marker="$1"
  shift
  if [ -f "$marker" ] && [ -d "$root/target/lib" ] \
      && [ -z "$(find "$@" -newer "$marker" -type f -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  maven package -DskipTests
}
