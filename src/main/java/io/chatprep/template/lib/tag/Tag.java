package io.chatprep.template.lib.tag;

import io.chatprep.template.parse.Parser;
import io.chatprep.template.parse.Token;
import io.chatprep.template.tree.Node;

/** One statement tag: parses itself from the token stream (after its name) into an immutable node. */
public interface Tag {
    String name();

    Node parse(Parser parser, Token nameToken);
}
