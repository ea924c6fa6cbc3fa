package org.exhibit.integrity.custody;

import java.nio.file.Path;
import java.util.Map;
import org.exhibit.format.custody.CustodyEvent;
import org.exhibit.format.record.Actor;

/** A separate JVM appending to a custody log, to test appends across processes. Args: FILE COUNT NAME. */
public final class AppendingProcess {
    public static void main(String[] args) throws Exception {
        CustodyLog log = new CustodyLog(Path.of(args[0]));
        Actor actor = new Actor(args[2], "ef".repeat(32));
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            log.append(actor, CustodyEvent.CAPTURED, "captures/" + i, Map.of("by", args[2]));
        }
    }
}
