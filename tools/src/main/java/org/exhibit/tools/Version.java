package org.exhibit.tools;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the jar. */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"exhibit " + current(), "Java " + System.getProperty("java.version")};
    }
}
