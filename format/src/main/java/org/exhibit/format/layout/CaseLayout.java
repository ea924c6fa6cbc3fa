package org.exhibit.format.layout;

/**
 * The case workspace, a folder the investigator works in. It mirrors the bundle (sealing is a walk over it):
 * {@code custody/}, {@code data/captures/}, {@code data/files/} and {@code data/report/} are the bundle's own
 * folders; {@code case.json} and {@code .work/} stay behind.
 */
public final class CaseLayout {
    /** The case's id, title, creation time and investigator; never sealed. */
    public static final String CASE_FILE = "case.json";
    /** Scratch: half-written captures; never sealed. */
    public static final String WORK = ".work";
    public static final String CUSTODY = "custody";
    /** The custody log's file name, in {@link #CUSTODY}. */
    public static final String EVENTS = "events.jsonl";
    /** The TSA chains' folder, in {@link #CUSTODY}. */
    public static final String TSA = "tsa";
    public static final String DATA = "data";
    /** Capture folders' parent, in {@link #DATA}; also the first part of a capture's custody-log subject. */
    public static final String CAPTURES = "captures";
    /** Item folders' parent, in {@link #DATA}; also the first part of an item's custody-log subject. */
    public static final String FILES = "files";
    /** The case report's folder, in {@link #DATA}: written by {@code exhibit seal} just before bundling. */
    public static final String REPORT = "report";
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_PDF = "report.pdf";

    private CaseLayout() {
    }
}
