/**
 * Python value semantics for chat-template data, in plain Java (no template-engine types).
 *
 * <h2>Value model</h2>
 * <ul>
 *   <li>dict: {@link java.util.Map}, insertion-ordered; inputs are unmodifiable.
 *   <li>list: {@link java.util.List}; tuple: {@link io.chatprep.template.py.PyTuple} (a List that prints and
 *       compares as a tuple); {@code dict.items()/keys()/values()}: {@link io.chatprep.template.py.PyDictView}
 *       (iterable, sized, {@code in}, {@code ==}; the set operators of Python's views are not modelled).
 *   <li>str: {@link java.lang.String}, but {@code len}, indexing and slicing count code points.
 *   <li>int: {@link java.lang.Long}, {@link java.math.BigInteger} past 64 bits (Integer/Short/Byte accepted
 *       as input); float: {@link java.lang.Double}; bool: {@link java.lang.Boolean}.
 *   <li>None: {@link io.chatprep.template.py.PyNone#NONE}. Java {@code null} is Jinja's Undefined.
 * </ul>
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.chatprep.template.py.PyJson}: {@code parse} JSON into the model, {@code dumps} like Python.
 *   <li>{@link io.chatprep.template.py.PyStr}: {@code str} / {@code repr}; {@link io.chatprep.template.py.PyFloat}
 *       float repr; {@link io.chatprep.template.py.PyFormat}: {@code %}, {@code format()}, {@code str.format}.
 *   <li>{@link io.chatprep.template.py.PyOps}: truthiness, comparisons, {@code ~}, {@code in};
 *       {@link io.chatprep.template.py.PyArithmetic}: {@code + - * / // % **} and the unary operators.
 *   <li>{@link io.chatprep.template.py.PyAccess}: {@code obj.attr}, {@code obj[key]}, slices (Jinja2 rules);
 *       {@link io.chatprep.template.py.PyMethods}: method calls by name.
 *   <li>{@link io.chatprep.template.py.PyFilters}: Jinja2's built-in filters as pure functions;
 *       {@link io.chatprep.template.py.PyTests}: its tests ({@code is sequence}, {@code is divisibleby(3)}).
 *   <li>{@link io.chatprep.template.py.PyLimits}: per-thread size cap checked before building large values.
 * </ul>
 *
 * <h2>Undefined</h2>
 * {@code str(Undefined)} is {@code ""}, its {@code repr} is {@code Undefined}, it is falsy, equal only to
 * itself, empty when iterated and {@code x in Undefined} is false. Arithmetic, ordering, attribute/item
 * access and calls on it raise {@code PyException("UndefinedError", ...)}; a missing attribute, key or index
 * returns Undefined. {@code json.dumps(Undefined)} raises TypeError.
 *
 * <p>Errors are {@link io.chatprep.template.py.PyException} with Python's exception name and message.
 *
 * <p>Character classes and case mappings come from the JDK's Unicode tables (Unicode 13 on Java 17); Python
 * 3.11 uses Unicode 14, so characters assigned in 14 count as unassigned here ({@code repr} escapes them).
 */
package io.chatprep.template.py;
