package io.chatprep.template.runtime;

/** A Python slice {@code [start:stop:step]}; Java null (or None) means "omitted". */
public record SliceValue(Object start, Object stop, Object step) {
}
