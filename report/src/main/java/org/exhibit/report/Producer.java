package org.exhibit.report;

/** What wrote a document: Exhibit's version and the runtime, as stated in every report. */
record Producer(String version, String java, String os) {

    static Producer current() {
        String v = Producer.class.getPackage().getImplementationVersion();
        return new Producer(v == null ? "dev" : v, System.getProperty("java.vendor") + " "
                + System.getProperty("java.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
    }

    @Override
    public String toString() {
        return "Exhibit " + version + " on Java " + java + ", " + os;
    }
}
