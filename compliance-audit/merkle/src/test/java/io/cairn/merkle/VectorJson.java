package io.cairn.merkle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the test-vector files, so that cairn-merkle's tests need no JSON library.
 * Objects become maps, arrays lists, numbers longs; strings support the escapes the files use.
 */
final class VectorJson {
    private final String text;
    private int position;

    private VectorJson(String text) {
        this.text = text;
    }

    static Object resource(String name) {
        try (InputStream in = VectorJson.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            VectorJson parser = new VectorJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Object value = parser.value();
            parser.skipSpace();
            if (parser.position != parser.text.length()) {
                throw parser.error("trailing content");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases(String name) {
        return (List<Map<String, Object>>) resource(name);
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        position++;
        skipSpace();
        if (text.charAt(position) == '}') {
            position++;
            return map;
        }
        do {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
        } while (text.charAt(position++) == ',');
        if (text.charAt(position - 1) != '}') {
            throw error("expected }");
        }
        return map;
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        position++;
        skipSpace();
        if (text.charAt(position) == ']') {
            position++;
            return list;
        }
        do {
            list.add(value());
            skipSpace();
        } while (text.charAt(position++) == ',');
        if (text.charAt(position - 1) != ']') {
            throw error("expected ]");
        }
        return list;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        for (char c = text.charAt(position++); c != '"'; c = text.charAt(position++)) {
            if (c == '\\') {
                char escaped = text.charAt(position++);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("expected " + word);
        }
        position += word.length();
        return value;
    }

    private Long number() {
        int start = position;
        while (position < text.length() && "-0123456789".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        if (start == position) {
            throw error("unexpected character");
        }
        return Long.parseLong(text.substring(start, position));
    }

    private void expect(char c) {
        if (text.charAt(position) != c) {
            throw error("expected " + c);
        }
        position++;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " at offset " + position);
    }
}
