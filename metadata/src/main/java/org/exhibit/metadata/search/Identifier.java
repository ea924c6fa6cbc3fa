package org.exhibit.metadata.search;

import java.util.List;

/**
 * An account, address or number the case's text names.
 *
 * @param kind   {@code handle} (@name), {@code email}, {@code phone}, {@code host} (of a web address) or
 *               {@code sender} (a chat export's sender name)
 * @param value  as found (handles and e-mail addresses lower-cased, phone numbers as written first)
 * @param places every place it appears: evidence, file and where, one line each
 */
public record Identifier(String kind, String value, List<String> places) {
    public Identifier {
        places = List.copyOf(places);
    }
}
