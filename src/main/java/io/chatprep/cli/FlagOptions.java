package io.chatprep.cli;

import java.util.Set;

/** Implemented by a command whose options include bare flags (no value). */
public interface FlagOptions {
    Set<String> flags();
}
