package org.opensspr.server.siem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads CEF back as a SIEM's parser would: seven header fields and the extension's key=value pairs. */
record CefReader(List<String> header, Map<String, String> extension) {

    static CefReader read(String cef) {
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (header.size() < 7) {
            char c = cef.charAt(i++);
            if (c == '\\') {
                field.append(cef.charAt(i++)); // \| and \\ stand for themselves
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return new CefReader(header, extension(cef.substring(i)));
    }

    /** Keys are the word before each unescaped '='; a value runs to the space before the next key. */
    private static Map<String, String> extension(String text) {
        List<Integer> equals = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '=') {
                equals.add(i);
            }
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int k = 0; k < equals.size(); k++) {
            int at = equals.get(k);
            int keyStart = text.lastIndexOf(' ', at) + 1;
            int valueEnd = k + 1 < equals.size() ? text.lastIndexOf(' ', equals.get(k + 1)) : text.length();
            pairs.put(text.substring(keyStart, at), unescape(text.substring(at + 1, valueEnd)));
        }
        return pairs;
    }

    private static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            char next = value.charAt(++i);
            plain.append(switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return plain.toString();
    }
}
