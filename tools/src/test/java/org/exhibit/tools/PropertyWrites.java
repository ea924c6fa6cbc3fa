package org.exhibit.tools;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The system properties, watched: while installed, every write or removal of one of the given keys is recorded,
 * even one undone before anyone could look.
 *
 * <pre>{@code
 * try (PropertyWrites writes = PropertyWrites.watch("exhibit.home")) {
 *     ...
 *     assertThat(writes.writes()).isEmpty();
 * }   // the system properties are the original object again
 * }</pre>
 */
final class PropertyWrites extends Properties implements AutoCloseable {
    private final Properties original;
    private final Set<String> keys;
    private final List<String> writes = new CopyOnWriteArrayList<>();

    private PropertyWrites(Properties original, Set<String> keys) {
        this.original = original;
        this.keys = keys;
        putAll(original);
        writes.clear();
    }

    static PropertyWrites watch(String... keys) {
        PropertyWrites watched = new PropertyWrites(System.getProperties(), Set.of(keys));
        System.setProperties(watched);
        return watched;
    }

    /** "key=value" for each write, "key removed" for each removal, in order. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public synchronized Object put(Object key, Object value) {
        if (keys.contains(key)) {
            writes.add(key + "=" + value);
        }
        return super.put(key, value);
    }

    @Override
    public synchronized Object remove(Object key) {
        if (keys.contains(key)) {
            writes.add(key + " removed");
        }
        return super.remove(key);
    }

    @Override
    public void close() {
        System.setProperties(original);
    }
}
