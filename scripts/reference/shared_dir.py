"""Where the shared reference material is (data/, tokenizers/, chat_templates/, conformance/): $CHATPREP_SHARED,
else ../shared beside the repository, the rule scripts/lib/paths.sh gives the shell scripts."""
import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("CHATPREP_SHARED") or REPOSITORY.parent / "shared")
