# Sourced by the scripts (with $root set to the project directory): where things are, each overridable.

# The shared reference material (data/, tokenizers/, chat_templates/): $CHATPREP_SHARED, else ../shared beside the
# repository. Scripts that read from it also take a flag naming the file or directory itself.
shared_dir() {
  echo "${CHATPREP_SHARED:-$(cd "$root/.." && pwd)/shared}"
}

# The project's version, from pom.xml, so that jar names follow it.
project_version() {
  sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1
}

# target/chatprep-VERSION.jar, the jar 'mvn package' builds.
project_jar() {
  echo "$root/target/chatprep-$(project_version).jar"
}

# The Python that has the reference packages: $PYTHON, else the repository's .venv, else python3.
reference_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"
  elif [ -x "$root/.venv/bin/python" ]; then echo "$root/.venv/bin/python"
  else echo python3
  fi
}
