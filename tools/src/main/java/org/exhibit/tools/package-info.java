/** The {@code exhibit} command line: argument parsing and exit codes over the libraries. */
package org.exhibit.tools;
