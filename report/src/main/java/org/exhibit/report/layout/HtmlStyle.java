package org.exhibit.report.layout;

/** The report's inline style sheet: readable on screen, paginated A4 in print. */
final class HtmlStyle {
    static final String CSS = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 10pt; color: #111;
                   max-width: 62em; margin: 1.5em auto; padding: 0 1em; line-height: 1.35; }
            h1 { font-size: 17pt; margin: .2em 0 .6em; }
            h2 { font-size: 13.5pt; margin: 1.4em 0 .5em; border-bottom: 1px solid #777; }
            h3 { font-size: 11pt; margin: 1.1em 0 .4em; }
            table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; }
            th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; text-align: left;
                     overflow-wrap: anywhere; }
            table.grid { table-layout: fixed; }
            thead th { background: #e8e8e8; }
            table.fields th { width: 13em; background: #f4f4f4; font-weight: bold; }
            .mono, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.5pt; }
            pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: .5em .7em; }
            .notice { border: 2px solid #a33; background: #fff5f5; padding: .5em .8em; margin: .6em 0; }
            figure { margin: .6em 0 1em; }
            img.blurred { image-rendering: pixelated; image-rendering: crisp-edges; border: 1px solid #999; }
            img.shown { max-width: 100%; height: auto; border: 1px solid #999; }
            figure.strip .frame { display: inline-block; margin: 0 .5em .3em 0; text-align: center; font-size: 8pt;
                                  vertical-align: top; }
            figcaption { font-weight: bold; color: #933; font-size: 9pt; margin-top: .3em; }
            .page-break { break-after: page; }
            @media print { body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
                           .mono, pre { font-size: 6.8pt; } tr, figure { break-inside: avoid; } }
            """;

    private HtmlStyle() {
    }
}
