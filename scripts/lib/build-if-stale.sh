# Sourced by the scripts that run chatprep's classes from target/ (with $root set to the project directory).
# build_if_stale MARKER SOURCE...: runs 'mvn package' (offline first) when MARKER or target/lib is missing or any
# file under the SOURCE paths is newer than MARKER. Builds only when needed: the benchmarks sample their own
# process tree's memory, which a Maven run would dominate.
build_if_stale() {
  local marker="$1"
  shift
  if [ -f "$marker" ] && [ -d "$root/target/lib" ] \
      && [ -z "$(find "$@" -newer "$marker" -type f -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  (cd "$root" && { mvn -B -q -Dstyle.color=never -o package -DskipTests 2>/dev/null || mvn -B -q -Dstyle.color=never package -DskipTests; }) >&2
}
