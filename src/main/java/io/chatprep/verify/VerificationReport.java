package io.chatprep.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Per-check failures (each naming its conversation), plus what was rendered. */
public final class VerificationReport {
    /** One failed rule in one rendering. */
    public record Failure(Check check, String where, String detail) {
        @Override
        public String toString() {
            return check.letter() + " " + check.name().toLowerCase(java.util.Locale.ROOT) + " | " + where + " | " + detail;
        }
    }

    private final Map<Check, List<Failure>> failures = new EnumMap<>(Check.class);
    private final List<String> notes = new ArrayList<>();
    int conversations;
    int renderings;
    int bothRaise;
    int deviating;
    int tokenChecked;

    public VerificationReport() {
        for (Check c : Check.values()) {
            failures.put(c, new ArrayList<>());
        }
    }

    void fail(Check check, String where, String detail) {
        failures.get(check).add(new Failure(check, where, detail));
    }

    void note(String note) {
        notes.add(note);
    }

    public List<Failure> failures(Check check) {
        return failures.get(check);
    }

    public List<Failure> allFailures() {
        List<Failure> all = new ArrayList<>();
        failures.values().forEach(all::addAll);
        return all;
    }

    public boolean passed() {
        return failures.values().stream().allMatch(List::isEmpty);
    }

    public boolean passed(Check check) {
        return failures.get(check).isEmpty();
    }

    public List<String> notes() {
        return notes;
    }

    public int conversations() {
        return conversations;
    }

    public int renderings() {
        return renderings;
    }

    public int bothRaise() {
        return bothRaise;
    }

    public int deviating() {
        return deviating;
    }

    public int tokenChecked() {
        return tokenChecked;
    }
}
